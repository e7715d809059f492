import { readFileSync } from 'fs';
import { resolve } from 'path';

import type { EnvMode, PackageInfo } from '../../types';

export type { EnvMode, PackageInfo };

/** The options the CLI parsed, before any config file is read. */
export interface CliArgs {
  dev: boolean;
  /** Extra plugin folders (`--plugin-path`, repeatable). */
  pluginPaths: string[];
  /** `--some.key=value` overrides, in the order given. */
  overrides: Array<[string, string | boolean | string[]]>;
}

/** The process environment of the host: where it lives, which configs it read, how it runs. */
export interface Env {
  homeDir: string;
  configPaths: string[];
  cliArgs: CliArgs;
  mode: EnvMode;
  packageInfo: PackageInfo;
  /** Folders scanned for plugin folders (`src/plugins`, `plugins`). */
  pluginScanDirs: string[];
}

export function createEnv(options: {
  homeDir: string;
  configPaths: string[];
  cliArgs: CliArgs;
}): Env {
  const pkg = JSON.parse(readFileSync(resolve(options.homeDir, 'package.json'), 'utf8'));
  const dev = options.cliArgs.dev;
  return {
    homeDir: options.homeDir,
    configPaths: options.configPaths,
    cliArgs: options.cliArgs,
    mode: { name: dev ? 'development' : 'production', dev, prod: !dev },
    packageInfo: {
      version: pkg.version,
      branch: pkg.branch || 'main',
      // A source checkout has no build number; upstream uses the max safe integer for that case.
      buildNum: dev ? Number.MAX_SAFE_INTEGER : Number(pkg.build?.number ?? 0),
      buildSha: pkg.build?.sha ?? 'XXXXXXX',
      dist: Boolean(pkg.build?.distributable),
    },
    pluginScanDirs: [resolve(options.homeDir, 'src', 'plugins'), resolve(options.homeDir, 'plugins')],
  };
}
