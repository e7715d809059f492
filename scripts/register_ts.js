/* Transpiles TypeScript on require, for the server and scripts; node_modules are left alone. */
const { register } = require('esbuild-register/dist/node');

register({ target: 'node20', format: 'cjs', hookIgnoreNodeModules: true, jsx: 'transform' });
