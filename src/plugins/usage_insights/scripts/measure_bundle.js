#!/usr/bin/env node
'use strict';
/*
 * What the Usage insights app costs the browser: builds the production bundle (as `npm start` does, minified,
 * split into chunks) with every UI plugin, then again without usageInsights, into temporary cache folders,
 * and prints, raw and gzipped:
 *   - what every page loads: osd.js alone, and with the chunks it imports statically;
 *   - what only /app/usage_insights loads: the chunk(s) of `import('./mount')` the page does not have already;
 *   - what the plugin still adds to every page (the difference between the two builds' page loads).
 * Usage: node src/plugins/usage_insights/scripts/measure_bundle.js
 */
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join, resolve } = require('path');
const { gzipSync } = require('zlib');
require('../../../../scripts/register_ts');
const { discoverPlugins } = require('../../../core/server/plugins/discovery');
const { getUiBundle } = require('../../../core/server/rendering/bundler');
const { lazyScriptsOf, staticClosure } = require('../../../core/server/rendering/bundle_outputs');
const { createEnv } = require('../../../core/server/config');

const root = resolve(__dirname, '..', '..', '..', '..');
const logger = { info() {}, warn: console.warn, error: console.error, debug() {} };
const APP_MODULE = 'usage_insights/public/mount.tsx';

/** Raw and gzipped bytes of some files of a bundle (each gzipped on its own, as the server sends them). */
function sizeOf(bundle, names) {
  const files = names.map((name) => bundle.files.get(name).content);
  return { files: names.length, raw: files.reduce((n, f) => n + f.length, 0), gzip: files.reduce((n, f) => n + gzipSync(f).length, 0) };
}

async function measure(plugins) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'osd-bundle-size-'));
  try {
    const bundle = await getUiBundle({ repoRoot: root, plugins, dev: false, logger, cacheDir });
    return {
      entry: sizeOf(bundle, ['osd.js']),
      page: sizeOf(bundle, staticClosure(bundle.graph, 'osd.js')),
      app: sizeOf(bundle, lazyScriptsOf(bundle.graph, APP_MODULE)),
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

(async () => {
  const env = createEnv({ homeDir: root, configPaths: [], cliArgs: {} });
  const all = discoverPlugins({ scanDirs: env.pluginScanDirs, pluginPaths: [], hostVersion: env.packageInfo.version })
    .filter((p) => p.manifest.ui)
    .map((p) => ({ id: p.manifest.id, path: p.path }));
  const withInsights = await measure(all);
  const without = await measure(all.filter((p) => p.id !== 'usageInsights'));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const line = (label, s) => console.log(`${label.padEnd(52)} ${kb(s.raw)} (gzip ${kb(s.gzip)})${s.files > 1 ? `, ${s.files} files` : ''}`);
  line('osd.js (every page)', withInsights.entry);
  line('osd.js + its static chunks (every page)', withInsights.page);
  line('only on /app/usage_insights (ECharts and the page)', withInsights.app);
  line('every page, built without usageInsights', without.page);
  line('added to every page by usageInsights', { raw: withInsights.page.raw - without.page.raw, gzip: withInsights.page.gzip - without.page.gzip });
  if (withInsights.app.files === 0) throw new Error(`No chunk was made for ${APP_MODULE}: the app is in the page bundle again`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
