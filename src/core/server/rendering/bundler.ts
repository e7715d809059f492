import { build, BuildOptions, formatMessages, Message, Plugin, version as esbuildVersion } from 'esbuild';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { gzipSync } from 'zlib';
import { Logger } from '../logging';
import { BundleCache, bundleKey, hashInputs, inputsUnchanged, sha1 } from './bundle_cache';
import { BundleGraph, CHUNK_NAMES, collectOutputs, ENTRY_JS } from './bundle_outputs';
import { ouiIconsInBundle } from './oui_icons_plugin';

/** Bump when the build options change in a way the key would not notice (3: ES modules split into chunks). */
const BUILDER_VERSION = 3;

/** The OUI theme stylesheets served beside the bundle; the page links the one its caller's `theme:darkMode` picks. */
export const THEME_FILES = { light: 'oui_light.css', dark: 'oui_dark.css' } as const;
export type ThemeName = keyof typeof THEME_FILES;
const OUI_THEME_SOURCES: Record<ThemeName, string> = {
  light: join('@opensearch-project', 'oui', 'dist', 'eui_theme_light.min.css'),
  dark: join('@opensearch-project', 'oui', 'dist', 'eui_theme_dark.min.css'),
};

/**
 * Core's bootstrap imports OUI's light theme so that any bundle of it has a look. The served bundle leaves
 * that import empty instead: the theme is a stylesheet of its own (`THEME_FILES`), linked before `osd.css`
 * (the order the import had), so one bundle serves both themes.
 */
const themeAsOwnStylesheet: Plugin = {
  name: 'osd-theme-stylesheet',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /@opensearch-project\/oui\/dist\/eui_theme_[a-z_]+\.css$/ }, (args) => ({ path: args.path, namespace: 'osd-theme' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'osd-theme' }, () => ({ contents: '', loader: 'css' }));
  },
};

/** The theme stylesheets, read from OUI's package (its version is in the key through the lockfile). */
export function readThemeFiles(repoRoot: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [theme, source] of Object.entries(OUI_THEME_SOURCES) as Array<[ThemeName, string]>) {
    files.set(THEME_FILES[theme], readFileSync(require.resolve(source, { paths: [repoRoot] })));
  }
  return files;
}
const PUBLIC_ENTRIES = ['index.ts', 'index.tsx', 'index.js', 'index.jsx'];

export interface UiBundleOptions {
  repoRoot: string;
  /** Browser plugins in discovery order. */
  plugins: Array<{ id: string; path: string }>;
  /** Development build: readable code, React's development mode, source maps. */
  dev: boolean;
  /** Defaults to `<repoRoot>/target/public/bundles`. */
  cacheDir?: string;
  logger: Logger;
}

export interface BundleFile {
  content: Buffer;
  /** The gzipped content (made on first use, so servers that serve no page pay nothing); undefined for maps. */
  gzipped(): Buffer | undefined;
  contentType: string;
}

/**
 * The built page code, in memory: `osd.js` (an ES module), the `chunk-<hash>.js` files it imports (statically
 * or with `import()`), `osd.css`, the theme stylesheets, and in development a `.map` beside each script.
 */
export interface UiBundle {
  /** A hash of the output, used in the bundle URLs so browsers may cache them forever. */
  buildHash: string;
  /** Every file the build produced, by name: the only names the bundles route serves. */
  files: Map<string, BundleFile>;
  /** How the scripts import each other (`bundle_outputs.ts`). */
  graph: BundleGraph;
  fromCache: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  js: 'application/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/** `public/index.*` of a plugin, or an error naming the plugin and its folder. */
export function publicEntryOf(plugin: { id: string; path: string }) {
  const found = PUBLIC_ENTRIES.map((f) => join(plugin.path, 'public', f)).find((f) => existsSync(f));
  if (!found) {
    throw new Error(`Plugin "${plugin.id}" has "ui": true but no public/index.ts, public/index.tsx or public/index.js in ${plugin.path}`);
  }
  return found;
}

/** The generated entry: imports core's bootstrap and every plugin's public half. */
export function createEntrySource(bootstrapPath: string, plugins: Array<{ id: string; entry: string }>) {
  const lines = [`import { bootstrap } from ${JSON.stringify(bootstrapPath)};`];
  plugins.forEach((p, i) => lines.push(`import * as plugin${i} from ${JSON.stringify(p.entry)};`));
  const modules = plugins.map((p, i) => `  ${JSON.stringify(p.id)}: plugin${i},`);
  lines.push('bootstrap({', ...modules, '});', '');
  return lines.join('\n');
}

/**
 * esbuild's options for the page code: ES modules with code splitting, so that each `import()` in a public
 * half (an app's mount code and what only it uses) becomes a chunk the browser loads when that code runs,
 * not with every page. The entry is `osd.js`; its CSS (`osd.css`) holds every plugin stylesheet.
 */
export function bundleBuildOptions({ repoRoot, entrySource, dev, outDir }: { repoRoot: string; entrySource: string; dev: boolean; outDir: string }) {
  return {
    stdin: {
      contents: entrySource,
      resolveDir: repoRoot,
      // Starts with '<' so the cache does not look for it on disk (the plugin list is in the key).
      sourcefile: '<osd_entry>.ts',
      loader: 'ts',
    },
    absWorkingDir: repoRoot,
    bundle: true,
    outdir: outDir,
    // The one entry: a fixed name, so the page links `osd.js` and `osd.css`.
    entryNames: 'osd',
    chunkNames: CHUNK_NAMES,
    splitting: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    jsx: 'transform',
    // Plugins outside the repository share the host's React, OUI and core.
    nodePaths: [join(repoRoot, 'node_modules')],
    alias: { 'opensearch-dashboards/public': join(repoRoot, 'src', 'core', 'public') },
    plugins: [themeAsOwnStylesheet, ouiIconsInBundle],
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.jpg': 'dataurl', '.gif': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
  } satisfies BuildOptions;
}

/**
 * The browser bundle for a plugin set: read from the cache when no source file changed since it was built,
 * otherwise built with esbuild (`osd.js` and its chunks, one CSS file) and cached.
 */
export async function getUiBundle(options: UiBundleOptions): Promise<UiBundle> {
  const { repoRoot, plugins, dev, logger } = options;
  const entries = plugins.map((p) => ({ id: p.id, entry: publicEntryOf(p) }));
  const lockfile = join(repoRoot, 'package-lock.json');
  const key = bundleKey({
    builderVersion: BUILDER_VERSION,
    esbuildVersion,
    dev,
    plugins: plugins.map((p) => ({ id: p.id, path: resolve(p.path) })),
    lockfile: existsSync(lockfile) ? sha1(readFileSync(lockfile)) : undefined,
  });
  const cache = new BundleCache(join(options.cacheDir ?? join(repoRoot, 'target', 'public', 'bundles'), key));

  const cached = cache.readManifest();
  if (cached && inputsUnchanged(cached)) {
    return { buildHash: cached.buildHash, files: toBundleFiles(cache.readFiles(cached)), graph: cached.graph, fromCache: true };
  }

  const started = Date.now();
  logger.info(`building the browser bundle for ${plugins.length} plugin(s): ${plugins.map((p) => p.id).join(', ') || '(none)'}`);
  // Nothing is written there (`write: false`); esbuild names the outputs after it.
  const outDir = join(repoRoot, 'target', 'public', 'out');
  try {
    const entrySource = createEntrySource(join(repoRoot, 'src', 'core', 'public', 'osd_bootstrap'), entries);
    const result = await build(bundleBuildOptions({ repoRoot, entrySource, dev, outDir }));
    const { files, graph } = collectOutputs(result.outputFiles, result.metafile, repoRoot, outDir);
    for (const [name, content] of readThemeFiles(repoRoot)) files.set(name, content);
    const buildHash = sha1(Buffer.concat([...files.values()])).slice(0, 12);
    const manifest = { buildHash, files: [...files.keys()], graph, inputs: hashInputs(Object.keys(result.metafile.inputs), repoRoot) };
    cache.write(manifest, files);
    const chunks = Object.keys(graph).length - 1;
    logger.info(`browser bundle ${buildHash} built in ${((Date.now() - started) / 1000).toFixed(1)}s (${ENTRY_JS} and ${chunks} chunk(s))`);
    return { buildHash, files: toBundleFiles(files), graph, fromCache: false };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (errors?.length) {
      const text = (await formatMessages(errors, { kind: 'error', color: false })).join('\n');
      throw new Error(`Building the browser bundle failed:\n${text}`);
    }
    throw e;
  }
}

function toBundleFiles(files: Map<string, Buffer>) {
  const out = new Map<string, BundleFile>();
  for (const [name, content] of files) {
    const ext = name.split('.').pop()!;
    let gzipped: Buffer | undefined;
    out.set(name, {
      content,
      gzipped: () => (ext === 'map' ? undefined : (gzipped ??= gzipSync(content))),
      contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    });
  }
  return out;
}
