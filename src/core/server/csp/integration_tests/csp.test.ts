import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ADMIN_AUTH_HEADERS, api, runServerToExit, startOsdServer } from '../../../../../test/harness/osd_server';

describe('csp.* on the real server', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'osd-csp-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves every page with the policy built from csp.rules', async () => {
    const rules = ["script-src 'unsafe-eval' 'self'", "worker-src blob: 'self'", "style-src 'unsafe-inline' 'self'", "img-src 'self' data:"];
    const server = await startOsdServer({ yaml: `csp.rules:\n${rules.map((r) => `  - "${r}"`).join('\n')}\n` });
    try {
      const policy = rules.join('; ');
      // Core's own pages (`/`, `/app/*`) and a plugin's page through core.http.resources (`/login`).
      for (const [path, headers] of [['/', ADMIN_AUTH_HEADERS], ['/app/home', ADMIN_AUTH_HEADERS], ['/login', {}]] as const) {
        const page = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
        expect([path, page.status, page.headers.get('content-security-policy')]).toEqual([path, 200, policy]);
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      }
      expect((await api(`${server.url}/api/status`)).headers.get('content-security-policy')).toBeNull();
    } finally {
      await server.stop();
      server.cleanup();
    }
  });

  it.each([
    ['--csp.strict=maybe', '[csp.strict]: expected value of type [boolean] but got [string]'],
    ['--csp.warnLegacyBrowsers=1', '[csp.warnLegacyBrowsers]: expected value of type [boolean]'],
    ['--csp.unknownKey=1', '[csp.unknownKey]'],
  ])('refuses to start with %s, naming the key', async (arg, message) => {
    const { code, output } = await runServerToExit({ args: [arg], dataPath: mkdtempSync(join(dir, 'data-')), timeoutMs: 60000 });
    expect(code).not.toBe(0);
    expect(output).toContain(message);
  });

  it('refuses a rule that would break the header, naming the key and the file', async () => {
    const yaml = 'csp:\n  rules:\n    - "script-src \'self\'"\n    - ""\n';
    const { code, output } = await runServerToExit({ yaml, dataPath: mkdtempSync(join(dir, 'data-')), timeoutMs: 60000 });
    expect(code).not.toBe(0);
    expect(output).toContain('[csp.rules.1]: a rule must not be empty');
    expect(output).toMatch(/config-\d+\.yml/);
  });
});
