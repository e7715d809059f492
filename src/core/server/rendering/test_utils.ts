import type { Env } from '../config';

/** A production `Env` for the page tests: no files read, a fixed version and build. */
export const testEnv: Env = {
  homeDir: '/repo',
  configPaths: [],
  cliArgs: { dev: false, pluginPaths: [], overrides: [] },
  mode: { name: 'production', dev: false, prod: true },
  packageInfo: { version: '2.19.0', branch: 'main', buildNum: 7, buildSha: 'abc', dist: false },
  pluginScanDirs: [],
};
