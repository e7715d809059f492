import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { createRecordingLogger } from '../logging/logger.mock';
import { getUiBundle, THEME_FILES } from './bundler';
import { collectOutputs, initialChunks, lazyScriptsOf, staticClosure, type BundleGraph } from './bundle_outputs';
import { inlineIconImport } from './oui_icons_plugin';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const CHUNK = /^chunk-[A-Z0-9]+\.js$/;

/**
 * A small repository for real builds: a stand-in for core's bootstrap and one plugin whose public half loads
 * an app (with its own stylesheet and a large dependency) and a second, smaller one with `import()`. It
 * lives under the real repository's `target/` so that OUI's theme files and esbuild's helpers resolve from
 * its node_modules, as for a plugin outside the repository.
 */
function writeFixture(root: string) {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/core/public/osd_bootstrap.ts', 'export function bootstrap(modules: object) { (globalThis as any).started = modules; }\n');
  write('plugins/lazy/public/index.ts', "import './index.css';\nexport const plugin = () => ({ app: () => import('./app'), other: () => import('./other') });\n");
  write('plugins/lazy/public/index.css', '.lazyIndex { color: red; }\n');
  write('plugins/lazy/public/app.ts', "import './app.css';\nimport { HEAVY } from './heavy';\nimport { shared } from './shared';\nexport const mount = () => HEAVY + shared;\n");
  write('plugins/lazy/public/app.css', '.lazyApp { color: blue; }\n');
  write('plugins/lazy/public/heavy.ts', "export const HEAVY = 'HEAVY_MARKER_' + 'x'.repeat(10);\n");
  write('plugins/lazy/public/other.ts', "import { shared } from './shared';\nexport const mount = () => shared;\n");
  write('plugins/lazy/public/shared.ts', "export const shared = 'SHARED_MARKER';\n");
  // The host's dependencies, which plugins outside the repository resolve through esbuild's nodePaths.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
}

describe('the split browser bundle', () => {
  let root: string;
  let cacheDir: string;
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, 'target'), { recursive: true });
    root = mkdtempSync(join(REPO_ROOT, 'target', 'bundler-test-'));
    cacheDir = join(root, 'cache');
    writeFixture(root);
  });
  afterAll(() => {
    // The link first, so that nothing could ever remove the host's node_modules through it.
    unlinkSync(join(root, 'node_modules'));
    rmSync(root, { recursive: true, force: true });
  });
  const build = (dev = false) =>
    getUiBundle({ repoRoot: root, plugins: [{ id: 'lazy', path: join(root, 'plugins', 'lazy') }], dev, cacheDir: join(cacheDir, String(dev)), logger: createRecordingLogger() });

  it("makes a chunk of each import(), keeps every stylesheet in osd.css, and caches every file", async () => {
    const bundle = await build();
    expect(bundle.fromCache).toBe(false);
    const names = [...bundle.files.keys()];
    expect(names).toEqual(expect.arrayContaining(['osd.js', 'osd.css', THEME_FILES.light, THEME_FILES.dark]));
    const chunks = names.filter((n) => n.startsWith('chunk-'));
    expect(chunks.length).toBeGreaterThanOrEqual(3); // app, other, and the code they share
    for (const chunk of chunks) expect(chunk).toMatch(CHUNK);
    // No stylesheet of a chunk: nothing would link it, and osd.css has its rules.
    expect(names.filter((n) => n.endsWith('.css')).sort()).toEqual(['osd.css', THEME_FILES.dark, THEME_FILES.light].sort());
    const css = bundle.files.get('osd.css')!.content.toString();
    expect(css).toContain('.lazyIndex');
    expect(css).toContain('.lazyApp');

    const text = (name: string) => bundle.files.get(name)!.content.toString();
    expect(text('osd.js')).not.toContain('HEAVY_MARKER');
    const app = lazyScriptsOf(bundle.graph, 'lazy/public/app.ts');
    expect(app.length).toBeGreaterThan(0);
    expect(app.map(text).join('')).toContain('HEAVY_MARKER');
    expect(bundle.graph['osd.js'].dynamicImports).toEqual(expect.arrayContaining([app[0]]));
    expect(text('osd.js')).toContain(`import("./${app[0]}")`);
    // Code both lazy chunks use is a chunk of its own, imported by each, loaded by neither page up front.
    const other = lazyScriptsOf(bundle.graph, 'lazy/public/other.ts');
    const sharedChunk = app.find((name) => other.includes(name) && text(name).includes('SHARED_MARKER'));
    expect(sharedChunk).toBeDefined();
    expect(initialChunks(bundle.graph)).not.toContain(sharedChunk);
    expect(bundle.files.get(app[0])!.contentType).toBe('application/javascript; charset=utf-8');
    expect(bundle.files.get(app[0])!.gzipped()!.length).toBeGreaterThan(0);

    // Every file is in the cache folder, and the next start reads them all back.
    const [key] = readdirSync(join(cacheDir, 'false'));
    expect(readdirSync(join(cacheDir, 'false', key, bundle.buildHash)).sort()).toEqual(names.sort());
    const again = await build();
    expect(again.fromCache).toBe(true);
    expect(again.buildHash).toBe(bundle.buildHash);
    expect(again.graph).toEqual(bundle.graph);
    expect([...again.files.keys()].sort()).toEqual(names.sort());
    for (const name of names) expect(again.files.get(name)!.content.equals(bundle.files.get(name)!.content)).toBe(true);
  });

  it('splits a plugin outside the repository too, its dependencies resolved from the host', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'osd-outside-plugin-'));
    try {
      mkdirSync(join(outside, 'public'), { recursive: true });
      writeFileSync(join(outside, 'public', 'index.ts'), "export const plugin = () => ({ view: () => import('./view') });\n");
      writeFileSync(join(outside, 'public', 'view.ts'), "import React from 'react';\nexport const view = () => React.createElement('b', null, 'OUTSIDE_MARKER');\n");
      const bundle = await getUiBundle({ repoRoot: root, plugins: [{ id: 'outside', path: outside }], dev: false, cacheDir: join(cacheDir, 'outside'), logger: createRecordingLogger() });
      const view = lazyScriptsOf(bundle.graph, 'public/view.ts');
      const text = (name: string) => bundle.files.get(name)!.content.toString();
      expect(view.length).toBeGreaterThan(0);
      expect(view.map(text).join('')).toContain('OUTSIDE_MARKER');
      expect(view.map(text).join('')).toContain('react.element');
      expect(text('osd.js')).not.toContain('OUTSIDE_MARKER');
      expect(text('osd.js')).not.toContain('react.element');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('writes a source map beside every script in development', async () => {
    const bundle = await build(true);
    const scripts = Object.keys(bundle.graph);
    expect(scripts.length).toBeGreaterThan(1);
    for (const script of scripts) {
      expect(bundle.files.get(script)!.content.toString()).toContain(`//# sourceMappingURL=${script}.map`);
      const map = bundle.files.get(`${script}.map`)!;
      expect(map.contentType).toBe('application/json; charset=utf-8');
      expect(map.gzipped()).toBeUndefined();
      expect(JSON.parse(map.content.toString()).version).toBe(3);
    }
  });
});

describe('the outputs of a build', () => {
  const outDir = '/repo/target/public/out';
  const output = (path: string) => ({ path: join(outDir, path), contents: Buffer.from(path), hash: '', text: path });
  const metafile = (chunkCssInputs: string[]) => ({
    inputs: {},
    outputs: {
      'target/public/out/osd.js': { bytes: 1, inputs: {}, exports: [], imports: [{ path: 'target/public/out/chunk-A.js', kind: 'dynamic-import' as const }], entryPoint: '<stdin>', cssBundle: 'target/public/out/osd.css' },
      'target/public/out/chunk-A.js': { bytes: 1, inputs: {}, exports: [], imports: [], entryPoint: 'p/public/app.ts', cssBundle: 'target/public/out/chunk-B.css' },
      'target/public/out/osd.css': { bytes: 1, inputs: { 'p/public/index.css': { bytesInOutput: 1 }, 'p/public/app.css': { bytesInOutput: 1 } }, exports: [], imports: [] },
      'target/public/out/chunk-B.css': { bytes: 1, inputs: Object.fromEntries(chunkCssInputs.map((i) => [i, { bytesInOutput: 1 }])), exports: [], imports: [] },
    },
  });
  const files = ['osd.js', 'chunk-A.js', 'osd.css', 'chunk-B.css'].map(output);

  it("leaves out a chunk's stylesheet whose rules osd.css has", () => {
    const { files: kept, graph } = collectOutputs(files, metafile(['p/public/app.css']), '/repo', outDir);
    expect([...kept.keys()]).toEqual(['osd.js', 'chunk-A.js', 'osd.css']);
    expect(graph).toEqual({
      'osd.js': { imports: [], dynamicImports: ['chunk-A.js'], entryPoint: undefined },
      'chunk-A.js': { imports: [], dynamicImports: [], entryPoint: 'p/public/app.ts' },
    });
  });

  it("fails the build when a chunk's stylesheet is not in osd.css, naming it", () => {
    expect(() => collectOutputs(files, metafile(['p/public/app.css', 'p/public/extra.css']), '/repo', outDir)).toThrow(
      'The stylesheet(s) p/public/extra.css of a lazily loaded chunk are not in osd.css'
    );
  });

  it('tells what loads with the page and what loads with one import()', () => {
    const graph: BundleGraph = {
      'osd.js': { imports: ['chunk-R.js'], dynamicImports: ['chunk-A.js', 'chunk-B.js'] },
      'chunk-R.js': { imports: [], dynamicImports: [] },
      'chunk-A.js': { imports: ['chunk-R.js', 'chunk-S.js'], dynamicImports: [], entryPoint: 'src/plugins/a/public/mount.tsx' },
      'chunk-B.js': { imports: ['chunk-S.js'], dynamicImports: [], entryPoint: 'src/plugins/b/public/mount.tsx' },
      'chunk-S.js': { imports: [], dynamicImports: [] },
    };
    expect(staticClosure(graph, 'osd.js')).toEqual(['osd.js', 'chunk-R.js']);
    expect(initialChunks(graph)).toEqual(['chunk-R.js']);
    expect(lazyScriptsOf(graph, 'a/public/mount.tsx')).toEqual(['chunk-A.js', 'chunk-S.js']);
    expect(lazyScriptsOf(graph, 'c/public/mount.tsx')).toEqual([]);
  });
});

describe("OUI's icons", () => {
  it.each(['components', 'eui_components'])('are loaded with a bundled require in %s/icon/icon.js', (tree) => {
    const path = require.resolve(`@opensearch-project/oui/es/${tree}/icon/icon.js`, { paths: [REPO_ROOT] });
    const rewritten = inlineIconImport(readFileSync(path, 'utf8'), path);
    expect(rewritten).toContain("Promise.resolve().then(() => require('./assets/' + iconPath + '.js'))");
    expect(rewritten).not.toMatch(/import\(/);
  });

  it('name the file when its loader no longer has the expected import()', () => {
    expect(() => inlineIconImport("import(`./assets/${iconPath}.js`)", '/x/icon.js')).toThrow("OUI's icon loader in /x/icon.js no longer has");
  });
});
