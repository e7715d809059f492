import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { freePort } from './free_port';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const TEST_PLUGINS_DIR = resolve(REPO_ROOT, 'test', 'plugins');

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
    env: { ...process.env, ...options.env },
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

/** JSON request helper with the xsrf header set. */
export async function api(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { 'osd-xsrf': 'test', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text };
}
