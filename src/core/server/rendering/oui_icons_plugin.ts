import type { Plugin } from 'esbuild';
import { readFile } from 'fs/promises';

/** OUI's icon components (both of its component trees), as esbuild resolves them (the ES module build). */
const OUI_ICON_MODULE = /[\\/]@opensearch-project[\\/]oui[\\/]es[\\/](components|eui_components)[\\/]icon[\\/]icon\.js$/;
/** `import(/* webpack comment *\/ // comments… './assets/' + iconPath + '.js')` in those files. */
const ICON_IMPORT = /import\((?:\s*\/\*[^*]*\*\/)?(?:\s*\/\/[^\n]*)*\s*('\.\/assets\/' \+ iconPath \+ '\.js')\s*\)/;

/** OUI's icon loader with the `import()` of an icon replaced by a bundled `require` of the same files. */
export function inlineIconImport(source: string, path: string) {
  if (!ICON_IMPORT.test(source)) {
    throw new Error(`OUI's icon loader in ${path} no longer has the import('./assets/' + iconPath + '.js') that oui_icons_plugin.ts rewrites`);
  }
  return source.replace(ICON_IMPORT, 'Promise.resolve().then(() => require($1))');
}

/**
 * Keeps OUI's icons in the bundle the page loads, as they were before code splitting. OUI loads each icon
 * with `import()` of a computed path; split, that would make each of its ~1,000 icon files a chunk, and
 * every icon a page shows one more request that lands after the page has drawn (the icon pops in). As a
 * `require` of the same path, esbuild bundles every file the pattern can name, into the code that loads
 * them, and the icon still arrives through a promise as OUI expects. Splitting icons is a separate choice
 * (fewer bytes, many more requests) that this plugin's absence would make.
 */
export const ouiIconsInBundle: Plugin = {
  name: 'osd-oui-icons-in-bundle',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: OUI_ICON_MODULE }, async (args) => ({
      contents: inlineIconImport(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
