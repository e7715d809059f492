import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ADMIN_AUTH_HEADERS, runServerToExit, startOsdServer, TEST_PLUGINS_DIR } from '../../../../../test/harness/osd_server';

function writePlugin(dir: string, id: string, publicIndex?: string) {
  mkdirSync(join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'opensearch_dashboards.json'), JSON.stringify({ id, version: 'opensearchDashboards', ui: true }));
  if (publicIndex !== undefined) writeFileSync(join(dir, 'public', 'index.ts'), publicIndex);
}

describe('the browser bundle at start-up', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'osd-bundle-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the start when a ui plugin has no public entry, naming the plugin', async () => {
    writePlugin(join(dir, 'nopublic'), 'noPublic');
    const { code, output } = await runServerToExit({ pluginPaths: [join(dir, 'nopublic')], dataPath: join(dir, 'data1'), timeoutMs: 60000 });
    expect(code).toBe(1);
    expect(output).toContain('Plugin "noPublic" has "ui": true but no public/index.ts');
  });

  it("stops the start when a public half does not build, with esbuild's message and file", async () => {
    writePlugin(join(dir, 'broken'), 'brokenPublic', "import { nothing } from './missing_file';\nexport const plugin = () => nothing;\n");
    const { code, output } = await runServerToExit({ pluginPaths: [join(dir, 'broken')], dataPath: join(dir, 'data2'), timeoutMs: 90000 });
    expect(code).toBe(1);
    expect(output).toContain('Building the browser bundle failed');
    expect(output).toContain('Could not resolve "./missing_file"');
    expect(output).toContain(join('broken', 'public', 'index.ts'));
  });

  it('reuses the cached bundle on the next start', async () => {
    const pluginPaths = [join(TEST_PLUGINS_DIR, 'browser_test_plugin')];
    const first = await startOsdServer({ pluginPaths, timeoutMs: 120000 });
    await first.stop();
    first.cleanup();
    const second = await startOsdServer({ pluginPaths, timeoutMs: 120000 });
    try {
      expect(second.output()).toMatch(/browser bundle \w+ loaded from cache/);
      const page = await fetch(`${second.url}/app/home`, { headers: ADMIN_AUTH_HEADERS });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'unsafe-eval' 'self'");
      const html = await page.text();
      const src = /<script src="([^"]+)"/.exec(html)![1];
      const plain = await fetch(`${second.url}${src}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      const stale = await fetch(`${second.url}/ui/bundles/0123456789ab/osd.js`);
      expect(stale.status).toBe(200);
      expect(stale.headers.get('cache-control')).toBe('no-cache');
      expect((await fetch(`${second.url}/ui/bundles/0123456789ab/nope.js`)).status).toBe(404);
      expect((await fetch(`${second.url}/app`, { redirect: 'manual', headers: ADMIN_AUTH_HEADERS })).headers.get('location')).toBe('/app/home');
    } finally {
      await second.stop();
      second.cleanup();
    }
  });
});
