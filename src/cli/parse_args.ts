import { CliArgs } from '../core/server/config';

export interface ParsedArgs extends CliArgs {
  configPaths: string[];
  help: boolean;
}

/** Short and legacy flags of `bin/opensearch-dashboards`, mapped onto config keys. */
const ALIASES: Record<string, string> = {
  '-p': 'server.port',
  '--port': 'server.port',
  '-H': 'server.host',
  '--host': 'server.host',
  '-e': 'opensearch.hosts',
  '--opensearch': 'opensearch.hosts',
};
const FLAG_ALIASES: Record<string, string> = {
  '-q': 'logging.quiet',
  '--quiet': 'logging.quiet',
  '-Q': 'logging.silent',
  '--silent': 'logging.silent',
  '--verbose': 'logging.verbose',
};

/** CLI values arrive as strings; booleans are turned into booleans, numbers are left to the schema. */
function coerce(value: string): string | boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export class CliError extends Error {}

/**
 * Parses `serve` arguments: `--config/-c FILE` and `--plugin-path DIR` (both repeatable), `--dev`, and any
 * `--some.key=value` (or `--some.key value`) override. A key given twice becomes a list.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { dev: false, pluginPaths: [], overrides: [], configPaths: [], help: false };
  const overrides = new Map<string, string | boolean | string[]>();
  const setOverride = (key: string, value: string | boolean) => {
    const existing = overrides.get(key);
    if (existing === undefined) overrides.set(key, value);
    else overrides.set(key, [...(Array.isArray(existing) ? existing : [String(existing)]), String(value)]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = () => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) throw new CliError(`Option ${name} needs a value`);
      i++;
      return next;
    };
    if (name === '--help' || name === '-h') out.help = true;
    else if (name === '--dev') out.dev = true;
    else if (name === '--config' || name === '-c') out.configPaths.push(takeValue());
    else if (name === '--plugin-path') out.pluginPaths.push(takeValue());
    else if (ALIASES[name]) setOverride(ALIASES[name], takeValue());
    else if (FLAG_ALIASES[name]) setOverride(FLAG_ALIASES[name], true);
    else if (name.startsWith('--') && /^--[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(name)) setOverride(name.slice(2), coerce(takeValue()));
    else throw new CliError(`Unknown option: ${arg}. Config keys are given as --some.key=value.`);
  }
  out.overrides = [...overrides.entries()];
  return out;
}

export const USAGE = `Usage: npm start -- [options]

Options:
  -c, --config <path>      Path to a config file; repeatable (default: config/opensearch_dashboards.yml)
  --plugin-path <path>     A plugin folder, or a folder of plugin folders, to load; repeatable
  --dev                    Run in development mode
  -p, --port <port>        Same as --server.port
  -H, --host <host>        Same as --server.host
  -e, --opensearch <url>   Same as --opensearch.hosts
  -q, --quiet / -Q, --silent / --verbose   Logging verbosity
  --<config.key>=<value>   Any config key, e.g. --server.port=5602 --telemetry.optIn=true
`;
