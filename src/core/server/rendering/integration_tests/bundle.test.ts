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
      const src = /<script type="module" src="([^"]+)"><\/script>/.exec(html)![1];
      const plain = await fetch(`${second.url}${src}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();

      // Every chunk osd.js names (the test plugin's app is one) is served as the other bundle files are.
      const bundlesUrl = src.slice(0, -'/osd.js'.length);
      const entry = await plain.text();
      const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
      const chunks = [...new Set([...entry.matchAll(/\.\/(chunk-[A-Z0-9]+\.js)/g)].map((m) => m[1]))];
      expect(chunks.length).toBeGreaterThan(1);
      expect(preloaded.every((href) => chunks.includes(href.slice(bundlesUrl.length + 1)))).toBe(true);
      for (const chunk of chunks) {
        const served = await fetch(`${second.url}${bundlesUrl}/${chunk}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
        expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(served.headers.get('content-encoding')).toBe('gzip');
        expect((await served.text()).length).toBeGreaterThan(0);
      }
      // Only names the build produced: an unknown chunk, a path out of the folder, the cache's own files.
      for (const name of ['chunk-NOTMADE0.js', '..%2Fmanifest.json', 'manifest.json', '..%2F..%2Fpackage.json']) {
        expect((await fetch(`${second.url}${bundlesUrl}/${name}`)).status).toBe(404);
      }
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
