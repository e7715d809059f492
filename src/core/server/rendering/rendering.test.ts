import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BundleCache, bundleKey, hashInputs, inputsUnchanged } from './bundle_cache';
import { createEntrySource, publicEntryOf } from './bundler';
import { coreCapabilities } from '../capabilities';
import { createInjectedMetadata } from './injected_metadata';
import { escapeHtml, renderTemplate } from './render_template';
import { testEnv as env } from './test_utils';


describe('the page', () => {
  const metadata = createInjectedMetadata({
    env,
    basePath: '/osd',
    serverUuid: 'uuid-1',
    serverName: 'name',
    defaultRoute: '/app/home',
    uiPlugins: [{ id: 'x', path: '/p/x', requiredPlugins: ['a'], optionalPlugins: [], exposedConfig: { greeting: '</script><b>"hi"' } }],
    capabilities: { ...coreCapabilities(), advancedSettings: { show: true, save: false } },
    uiSettings: { defaults: { k: { value: 1 } }, user: { k: { userValue: 2 } } },
  });

  it('builds the metadata the browser starts from', () => {
    expect(metadata).toMatchObject({
      version: '2.19.0',
      buildNumber: 7,
      basePath: '/osd',
      serverBasePath: '/osd',
      serverUuid: 'uuid-1',
      defaultRoute: '/app/home',
      uiPlugins: [{ id: 'x', plugin: { id: 'x', requiredPlugins: ['a'], optionalPlugins: [] }, config: { greeting: '</script><b>"hi"' } }],
      uiSettings: { user: { k: { userValue: 2 } } },
    });
    // The caller's resolved capabilities, as given.
    expect(metadata.capabilities.advancedSettings).toEqual({ show: true, save: false });
  });

  it('puts the metadata in an attribute, escaped, and links the bundle under the base path', () => {
    const html = renderTemplate({ metadata, bundlesUrl: '/osd/ui/bundles/abc', faviconUrl: '/osd/ui/favicon.svg', hasCss: true });
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('<script type="module" src="/osd/ui/bundles/abc/osd.js"></script>');
    expect(html).not.toContain('modulepreload');
    const preloading = renderTemplate({ metadata, bundlesUrl: '/osd/ui/bundles/abc', faviconUrl: '/f.svg', hasCss: true, preloadScripts: ['chunk-AB12.js'] });
    expect(preloading).toContain('<link rel="modulepreload" href="/osd/ui/bundles/abc/chunk-AB12.js" />');
    expect(preloading.indexOf('modulepreload')).toBeLessThan(preloading.indexOf('osd.js'));
    expect(html).toContain('<link rel="stylesheet" href="/osd/ui/bundles/abc/osd.css" />');
    const attribute = /<osd-injected-metadata data="([^"]*)">/.exec(html)![1];
    const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(JSON.parse(decoded)).toEqual(metadata);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the bundle entry and cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'osd-bundle-test-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports every public half and names a plugin without one', () => {
    const source = createEntrySource('/repo/src/core/public/osd_bootstrap', [{ id: 'a', entry: '/p/a/public/index.ts' }]);
    expect(source).toContain('import { bootstrap } from "/repo/src/core/public/osd_bootstrap";');
    expect(source).toContain('import * as plugin0 from "/p/a/public/index.ts";');
    expect(source).toContain('"a": plugin0,');
    mkdirSync(join(dir, 'p', 'public'), { recursive: true });
    expect(() => publicEntryOf({ id: 'p', path: join(dir, 'p') })).toThrow(`Plugin "p" has "ui": true but no public/index.ts`);
    writeFileSync(join(dir, 'p', 'public', 'index.tsx'), '');
    expect(publicEntryOf({ id: 'p', path: join(dir, 'p') })).toBe(join(dir, 'p', 'public', 'index.tsx'));
  });

  it('keys by plugin set and build options, and notices a changed source file', () => {
    const base = { builderVersion: 1, esbuildVersion: '0.28.2', dev: false, plugins: [{ id: 'a', path: '/a' }] };
    expect(bundleKey(base)).toBe(bundleKey({ ...base }));
    expect(bundleKey(base)).not.toBe(bundleKey({ ...base, dev: true }));
    expect(bundleKey(base)).not.toBe(bundleKey({ ...base, plugins: [...base.plugins, { id: 'b', path: '/b' }] }));

    writeFileSync(join(dir, 'a.ts'), 'one');
    const inputs = hashInputs(['a.ts', 'node_modules/react/index.js', '<stdin>'], dir);
    expect(Object.keys(inputs)).toEqual([join(dir, 'a.ts')]);
    const cache = new BundleCache(join(dir, 'cache'));
    expect(cache.readManifest()).toBeUndefined();
    const manifest = { buildHash: 'h1', files: ['osd.js'], graph: { 'osd.js': { imports: [], dynamicImports: [] } }, inputs };
    cache.write(manifest, new Map([['osd.js', Buffer.from('code')]]));
    expect(cache.readManifest()).toEqual(manifest);
    expect(inputsUnchanged(manifest)).toBe(true);
    expect(cache.readFiles(manifest).get('osd.js')!.toString()).toBe('code');
    writeFileSync(join(dir, 'a.ts'), 'two');
    expect(inputsUnchanged(manifest)).toBe(false);

    // A newer build replaces the older one.
    cache.write({ ...manifest, buildHash: 'h2' }, new Map([['osd.js', Buffer.from('new')]]));
    expect(cache.readManifest()!.buildHash).toBe('h2');
    expect(existsSync(join(dir, 'cache', 'h1'))).toBe(false);
  });
});
