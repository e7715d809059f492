import { existsSync } from 'fs';
import { resolve } from 'path';
import { ConfigError, createEnv, loadRawConfig } from '../core/server/config';
import { LoggingSystem } from '../core/server/logging';
import { Server } from '../core/server/server';
import { CliError, parseArgs, USAGE } from './parse_args';

export interface ServeOptions {
  argv: string[];
  homeDir: string;
}

/** Runs the server until SIGTERM/SIGINT. Exits 1 with one clear line when config or start-up fails. */
export async function serve({ argv, homeDir }: ServeOptions) {
  const logging = new LoggingSystem();
  const log = logging.get('root');
  let server: Server | undefined;
  try {
    const args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(USAGE);
      return;
    }
    const defaultConfig = resolve(homeDir, 'config', 'opensearch_dashboards.yml');
    const configPaths = args.configPaths.length
      ? args.configPaths.map((p) => resolve(p))
      : existsSync(defaultConfig)
      ? [defaultConfig]
      : [];
    const env = createEnv({ homeDir, configPaths, cliArgs: args });
    const { raw, sources } = loadRawConfig(configPaths, args.overrides);
    server = new Server({ env, rawConfig: raw, sources, logging });
    await server.setup();
    await server.start();
  } catch (e) {
    const error = e as Error;
    const known = error instanceof ConfigError || error instanceof CliError || error.name === 'PluginDiscoveryError';
    log.fatal(known ? `${error.name}: ${error.message}` : error);
    if (error instanceof CliError) process.stderr.write(USAGE);
    await server?.stop().catch(() => undefined);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`received ${signal}, stopping`);
    server!
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        log.error(err);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
