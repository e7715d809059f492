#!/usr/bin/env node
/*
 * `npm run build`: builds the browser bundle ahead of time (into target/public). Optional: `npm start` builds
 * it when it is missing or stale. Accepts `--plugin-path DIR` and `--dev` like `npm start`.
 */
const { resolve } = require('path');
require('./register_ts');

const { buildUi } = require('../src/cli/build');
buildUi(process.argv.slice(2), resolve(__dirname, '..')).catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
