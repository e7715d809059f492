import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { request } from 'https';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort } from '../../../../../test/harness/free_port';
import { REPO_ROOT, runServerToExit, TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../../../../test/harness/osd_server';

interface HttpsAnswer {
  status: number;
  body: string;
  protocol: string;
  headers: import('http').IncomingHttpHeaders;
}

/** A request over HTTPS trusting only `ca` (the test's self-signed certificate); GET unless `json` is given. */
function httpsGet(url: string, ca: Buffer, json?: unknown): Promise<HttpsAnswer> {
  const payload = json === undefined ? undefined : JSON.stringify(json);
  const headers = payload === undefined ? {} : { 'content-type': 'application/json', 'osd-xsrf': 'test' };
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, servername: 'localhost', method: payload === undefined ? 'GET' : 'POST', headers }, (res) => {
      const protocol = (res.socket as import('tls').TLSSocket).getProtocol() ?? '';
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, protocol, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function waitForHttps(url: string, ca: Buffer, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`no HTTPS answer in time:\n${output()}`);
    try {
      return await httpsGet(url, ca);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('server.ssl: HTTPS with PEM files', () => {
  let dir: string;
  let cert: string;
  let key: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'osd-tls-'));
    cert = join(dir, 'cert.pem');
    key = join(dir, 'key.pem');
    // A throwaway self-signed certificate for localhost, made for this run only.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the API over TLS with the configured certificate', async () => {
    const port = await freePort();
    const args = [join(REPO_ROOT, 'scripts', 'opensearch_dashboards.js'), `--server.port=${port}`, '--server.host=127.0.0.1', `--path.data=${join(dir, 'data')}`, '--server.ssl.enabled=true', `--server.ssl.certificate=${cert}`, `--server.ssl.key=${key}`];
    const env = { ...process.env, OSD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD };
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout!.on('data', (d) => (text += d));
    child.stderr!.on('data', (d) => (text += d));
    try {
      const ca = readFileSync(cert);
      const status = await waitForHttps(`https://127.0.0.1:${port}/api/status`, ca, child, () => text);
      expect(status.status).toBe(200);
      expect(status.protocol).toMatch(/^TLSv1\.[23]$/);
      // Anonymous: the overall level only, in upstream's default (legacy) format.
      expect(JSON.parse(status.body).status.overall.state).toBe('green');
      expect(text).toContain(`http server running at https://127.0.0.1:${port}`);
      // Security is on by default: over TLS the session cookie is always Secure (and HttpOnly).
      const login = await httpsGet(`https://127.0.0.1:${port}/api/security/login`, ca, { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toMatch(/^osd_sid=/);
      expect(cookie).toContain('; Secure');
      expect(cookie).toContain('; HttpOnly');
      // Plain HTTP on the TLS port gets no API answer.
      const plain = await fetch(`http://127.0.0.1:${port}/api/status`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status,
        () => 'refused'
      );
      expect(plain).not.toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('refuses to start without the files, naming the key', async () => {
    const missing = await runServerToExit({ args: ['--server.ssl.enabled=true'], timeoutMs: 30000 });
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain('[server.ssl]: must specify [certificate] and [key] when ssl is enabled');
    const unreadable = await runServerToExit({ args: ['--server.ssl.enabled=true', `--server.ssl.certificate=${join(dir, 'nope.pem')}`, `--server.ssl.key=${key}`], timeoutMs: 30000 });
    expect(unreadable.code).not.toBe(0);
    expect(unreadable.output).toContain(`[server.ssl.certificate]: cannot read [${join(dir, 'nope.pem')}]: ENOENT`);
    expect(unreadable.output).not.toMatch(/\n\s+at /);
    writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
    const junk = await runServerToExit({ args: ['--server.ssl.enabled=true', `--server.ssl.certificate=${cert}`, `--server.ssl.key=${join(dir, 'junk.pem')}`], timeoutMs: 30000 });
    expect(junk.output).toContain('[server.ssl.key]: ');
    expect(junk.output).toContain('is not a PEM file');
  });
});
