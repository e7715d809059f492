#!/usr/bin/env node
'use strict';
/*
 * What the Usage insights page adds to the browser bundle: builds the production bundle (as `npm start` does,
 * minified) with every UI plugin, then again without usageInsights, into temporary cache folders, and prints
 * both sizes, raw and gzipped, and the difference. Usage: node src/plugins/usage_insights/scripts/measure_bundle.js
 */
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join, resolve } = require('path');
const { gzipSync } = require('zlib');
require('../../../../scripts/register_ts');
const { discoverPlugins } = require('../../../core/server/plugins/discovery');
const { getUiBundle } = require('../../../core/server/rendering/bundler');
const { createEnv } = require('../../../core/server/config');

const root = resolve(__dirname, '..', '..', '..', '..');
const logger = { info() {}, warn: console.warn, error: console.error, debug() {} };

async function size(plugins) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'osd-bundle-size-'));
  try {
    const bundle = await getUiBundle({ repoRoot: root, plugins, dev: false, logger, cacheDir });
    const js = bundle.files.get('osd.js').content;
    return { raw: js.length, gzip: gzipSync(js).length };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

(async () => {
  const env = createEnv({ homeDir: root, configPaths: [], cliArgs: {} });
  const all = discoverPlugins({ scanDirs: env.pluginScanDirs, pluginPaths: [], hostVersion: env.packageInfo.version })
    .filter((p) => p.manifest.ui)
    .map((p) => ({ id: p.manifest.id, path: p.path }));
  const withInsights = await size(all);
  const without = await size(all.filter((p) => p.id !== 'usageInsights'));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`osd.js with usageInsights:    ${kb(withInsights.raw)} (gzip ${kb(withInsights.gzip)})`);
  console.log(`osd.js without usageInsights: ${kb(without.raw)} (gzip ${kb(without.gzip)})`);
  console.log(`added by the page:            ${kb(withInsights.raw - without.raw)} (gzip ${kb(withInsights.gzip - without.gzip)})`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
