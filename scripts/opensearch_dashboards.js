#!/usr/bin/env node
/*
 * `npm start`: runs the server from source. TypeScript is transpiled on load (esbuild), so a fresh clone needs
 * no build step; plugins shipped as compiled JavaScript load as they are.
 */
const { resolve } = require('path');
require('./register_ts');

const { serve } = require('../src/cli/serve');
serve({ argv: process.argv.slice(2), homeDir: resolve(__dirname, '..') });
