import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { freePort } from './free_port';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const TEST_PLUGINS_DIR = resolve(REPO_ROOT, 'test', 'plugins');

/*
 * Authentication for tests. Every server the harness starts gets OSD_ADMIN_PASSWORD (unless the caller's
 * `env` names it, even as undefined to leave it unset), so a fresh store's first user is
 * `admin` / TEST_ADMIN_PASSWORD; `api()` sends those credentials as Basic unless told otherwise. Security is
 * on by default; a server started with `--security.enabled=false` ignores them.
 */
export const TEST_ADMIN_USERNAME = 'admin';
export const TEST_ADMIN_PASSWORD = 'harness-admin-password-1';

/** `Basic base64(username:password)`, for an `authorization` header. */
export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** The harness admin's `authorization` header, for raw `fetch` calls that `api()` does not fit. */
export const ADMIN_AUTH_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  authorization: basicAuthHeader(TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD),
});

export interface OsdServerOptions {
  /** Extra `--key=value` flags. */
  args?: string[];
  /** YAML text written to a temporary config file passed with `--config`. */
  yaml?: string;
  pluginPaths?: string[];
  /** Reuse a data folder (for restarts); a temporary one is created otherwise. */
  dataPath?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** How long to wait for `/api/status`. */
  timeoutMs?: number;
}

export interface OsdServer {
  url: string;
  port: number;
  dataPath: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no clean shutdown. */
  kill9(): Promise<void>;
  /** Removes the temporary data folder (when the harness made it). */
  cleanup(): void;
}

/** Runs `node scripts/opensearch_dashboards.js` like `npm start`, and waits for exit. Used for failing starts. */
export function runServerToExit(options: OsdServerOptions & { timeoutMs?: number }): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnServer(options, options.dataPath ?? mkdtempSync(join(tmpdir(), 'osd-data-')), options.port ?? 0);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${options.timeoutMs ?? 30000} ms:\n${output()}`));
    }, options.timeoutMs ?? 30000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output: output() });
    });
  });
}

function spawnServer(options: OsdServerOptions, dataPath: string, port: number) {
  const args = [join(REPO_ROOT, 'scripts', 'opensearch_dashboards.js'), `--server.port=${port}`, '--server.host=127.0.0.1', `--path.data=${dataPath}`];
  if (options.yaml !== undefined) {
    const file = join(dataPath, `config-${Date.now()}.yml`);
    writeFileSync(file, options.yaml);
    args.push('--config', file);
  }
  for (const p of options.pluginPaths ?? []) args.push('--plugin-path', p);
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    // The caller's env wins, so `{ OSD_ADMIN_PASSWORD: undefined }` leaves it unset (spawn skips undefined).
    env: { ...process.env, OSD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  return { child, output: () => text };
}

/** Starts the real server on a free port with a temporary `path.data`, and waits until `/api/status` answers. */
export async function startOsdServer(options: OsdServerOptions = {}): Promise<OsdServer> {
  const ownData = !options.dataPath;
  const dataPath = options.dataPath ?? mkdtempSync(join(tmpdir(), 'osd-data-'));
  const port = options.port ?? (await freePort());
  const { child, output } = spawnServer(options, dataPath, port);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let hasExited = false;
  exited.then(() => (hasExited = true));

  const deadline = Date.now() + (options.timeoutMs ?? 60000);
  for (;;) {
    if (hasExited) throw new Error(`server exited during start-up:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/status in time:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/status`);
      if (res.status === 200 || res.status === 503) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    dataPath,
    process: child,
    output,
    stop: async () => {
      if (!hasExited) child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      if (!hasExited) child.kill('SIGKILL');
      await exited;
    },
    cleanup: () => {
      if (ownData) rmSync(dataPath, { recursive: true, force: true });
    },
  };
}

export interface ApiOptions {
  /**
   * Who the request is made as: the harness admin by default (Basic), another user's credentials, or
   * `false` for no credentials at all. A caller-given `authorization` or `cookie` header always wins
   * (no default credentials are added next to it).
   */
  auth?: false | { username: string; password: string };
}

/**
 * JSON request helper with the xsrf header set, made as the harness admin unless `options.auth` or the
 * caller's own `authorization`/`cookie` header says otherwise. `headers` of the answer are returned too.
 */
export async function api(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}, options: ApiOptions = {}) {
  const given = Object.keys(headers).map((name) => name.toLowerCase());
  const credentials = options.auth === undefined ? { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD } : options.auth;
  const auth: Record<string, string> =
    credentials && !given.includes('authorization') && !given.includes('cookie')
      ? { authorization: basicAuthHeader(credentials.username, credentials.password) }
      : {};
  const res = await fetch(url, {
    method,
    headers: { 'osd-xsrf': 'test', ...auth, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text, headers: res.headers };
}

/** `api()` without any credentials: what an anonymous client gets. */
export function anonymousApi(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) {
  return api(url, method, body, headers, { auth: false });
}
