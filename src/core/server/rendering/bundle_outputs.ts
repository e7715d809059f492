import type { Metafile, OutputFile } from 'esbuild';
import { relative, resolve } from 'path';

/** The file the page loads (a module script); every other script is a chunk it imports. */
export const ENTRY_JS = 'osd.js';
/** The page's one plugin stylesheet: every CSS file any module imports, lazily loaded ones included. */
export const ENTRY_CSS = 'osd.css';
/** esbuild's names for split files: the hash of their content, so a name is never reused for other code. */
export const CHUNK_NAMES = 'chunk-[hash]';

/** One script of a build and how it links to the others. */
export interface ScriptInfo {
  /** Scripts it imports statically: the browser loads them with it. */
  imports: string[];
  /** Scripts it loads with `import()`: only when that code runs. */
  dynamicImports: string[];
  /**
   * For a chunk made for an `import()`: the module it names, as esbuild printed it (relative to the working
   * directory). Undefined for `osd.js` and for chunks of code shared by several.
   */
  entryPoint?: string;
}

/** Every script of a build by file name. */
export type BundleGraph = Record<string, ScriptInfo>;

/**
 * The files to serve from one esbuild build with code splitting, by file name, and how its scripts link.
 *
 * esbuild gives each lazily loaded chunk its own CSS file too, but nothing would link it. It also puts the
 * same rules in the entry's CSS (`osd.css`, which collects every stylesheet reachable from the entry,
 * through `import()` too), so those files are left out; checked here, so that an esbuild that stopped doing
 * so would fail the build instead of silently dropping a page's styles.
 */
export function collectOutputs(outputFiles: OutputFile[], metafile: Metafile, workingDir: string, outDir: string) {
  const nameOf = (path: string) => relative(outDir, resolve(workingDir, path));
  const outputs = Object.entries(metafile.outputs).map(([path, output]) => ({ name: nameOf(path), output }));
  const entry = outputs.find((o) => o.name === ENTRY_JS);
  if (!entry) throw new Error(`esbuild produced no ${ENTRY_JS}; outputs: ${outputs.map((o) => o.name).join(', ')}`);
  const entryCss = outputs.find((o) => o.name === ENTRY_CSS);
  const entryCssInputs = new Set(Object.keys(entryCss?.output.inputs ?? {}));

  const leftOut = new Set<string>();
  for (const { name, output } of outputs) {
    if (!name.endsWith('.css') || name === ENTRY_CSS) continue;
    const missing = Object.keys(output.inputs).filter((input) => !entryCssInputs.has(input));
    if (missing.length) {
      throw new Error(`The stylesheet(s) ${missing.join(', ')} of a lazily loaded chunk are not in ${ENTRY_CSS}; the page would load without them`);
    }
    leftOut.add(name).add(`${name}.map`);
  }

  const graph: BundleGraph = {};
  for (const { name, output } of outputs) {
    if (!name.endsWith('.js')) continue;
    const scripts = (kind: string) => output.imports.filter((i) => i.kind === kind && i.path.endsWith('.js')).map((i) => nameOf(i.path));
    graph[name] = { imports: scripts('import-statement'), dynamicImports: scripts('dynamic-import'), entryPoint: name === ENTRY_JS ? undefined : output.entryPoint };
  }

  const files = new Map<string, Buffer>();
  for (const file of outputFiles) {
    const name = nameOf(file.path);
    if (!leftOut.has(name)) files.set(name, Buffer.from(file.contents));
  }
  return { files, graph };
}

/** `from` and every script it imports statically, transitively: what loads together with it. */
export function staticClosure(graph: BundleGraph, from: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !graph[name]) return;
    seen.add(name);
    graph[name].imports.forEach(visit);
  };
  visit(from);
  return [...seen];
}

/** The chunks `osd.js` imports statically: the page preloads them beside it. */
export function initialChunks(graph: BundleGraph) {
  return staticClosure(graph, ENTRY_JS).filter((name) => name !== ENTRY_JS);
}

/**
 * The scripts that load only when an `import()` of `module` runs: its chunk and the chunks it imports that
 * the page does not load anyway. `module` is matched against the end of the chunk's entry point, e.g.
 * `usage_insights/public/mount.tsx`. Empty when no chunk was made for it.
 */
export function lazyScriptsOf(graph: BundleGraph, module: string): string[] {
  const chunk = Object.keys(graph).find((name) => graph[name].entryPoint?.replace(/\\/g, '/').endsWith(module));
  if (!chunk) return [];
  const initial = new Set(staticClosure(graph, ENTRY_JS));
  return staticClosure(graph, chunk).filter((name) => !initial.has(name));
}
