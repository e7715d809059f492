import { resolve } from 'path';
import { createEnv } from '../core/server/config';
import { LoggingSystem } from '../core/server/logging';
import { discoverPlugins } from '../core/server/plugins/discovery';
import { getUiBundle } from '../core/server/rendering/bundler';
import { parseArgs } from './parse_args';

/**
 * `npm run build`: builds (or confirms the cache of) the browser bundle for the plugins `npm start` would
 * find with the same `--plugin-path` and `--dev` flags. Optional: `npm start` builds it too when needed.
 * Plugins turned off in the config are still included; such a set gets its own bundle at start.
 */
export async function buildUi(argv: string[], homeDir: string) {
  const logging = new LoggingSystem();
  const log = logging.get('build');
  const args = parseArgs(argv);
  const env = createEnv({ homeDir, configPaths: [], cliArgs: args });
  const plugins = discoverPlugins({ scanDirs: env.pluginScanDirs, pluginPaths: args.pluginPaths, hostVersion: env.packageInfo.version })
    .filter((p) => p.manifest.ui)
    .map((p) => ({ id: p.manifest.id, path: p.path }));
  const bundle = await getUiBundle({ repoRoot: homeDir, plugins, dev: args.dev, logger: log });
  log.info(`browser bundle ${bundle.buildHash} ${bundle.fromCache ? 'is up to date' : 'built'} in ${resolve(homeDir, 'target', 'public')}`);
}
