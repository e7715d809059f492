/*
 * The command line of `node scripts/telemetry.js`: pure parsing, so every rule is tested without a server.
 */

export const COMMANDS = ['status', 'preview', 'send', 'history', 'show', 'diff', 'export', 'opt-in', 'opt-out'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const DEFAULT_URL = 'http://localhost:5601';

export interface CliArgs {
  command: CommandName | 'help';
  /** `show ID`, `diff ID`. */
  id?: string;
  /** `export [ID...]`: only these reports (all when empty). */
  ids: string[];
  /** `opt-in --level`. */
  level?: 'operational' | 'full';
  /** `export --out FILE` (`-` for standard output). */
  out?: string;
  /** The server, without a trailing slash. */
  url: string;
  json: boolean;
}

/** A mistake on the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: node scripts/telemetry.js <command> [--url URL] [--json]

Commands:
  status                     the opt-in state: opted in or not, level, lock
  preview                    the report the current level would send (nothing is sent)
  send                       generate a report and send it now (kept only with telemetry.generateOnly)
  history                    the reports kept in the ledger, newest first
  show ID                    the exact payload of a report
  diff ID                    what changed since the report before it
  export [ID...] [--out FILE]  download reports (all by default; encrypted when the server has a key)
  opt-in [--level L]         opt in, at level operational or full (default full)
  opt-out                    opt out

Options:
  --url URL    the server (default $OSD_URL, else ${DEFAULT_URL})
  --json       machine-readable output (show: the exact bytes)
  --out FILE   export: where to write (default: the server's file name, in this folder; "-" for stdout)

Credentials come from the environment only: OSD_API_KEY (the encoded API key), or OSD_USERNAME and
OSD_PASSWORD. Exit codes: 0 done, 1 the server refused or could not be reached, 2 a usage error.`;

/** Flags that would put a secret in the shell history or the process list. */
const CREDENTIAL_FLAGS = ['--password', '--username', '--user', '--api-key', '--apikey', '--token', '-u', '-p'];

function takesId(command: string) {
  return command === 'show' || command === 'diff';
}

function checkUrl(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  if (parsed.username || parsed.password) {
    throw new UsageError('--url must not carry credentials: set OSD_API_KEY, or OSD_USERNAME and OSD_PASSWORD');
  }
  return value.replace(/\/+$/, '');
}

/** Parses `argv` (without `node` and the script). `env` gives the default URL (`OSD_URL`). Throws `UsageError`. */
export function parseArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): CliArgs {
  const positional: string[] = [];
  let url = env.OSD_URL || DEFAULT_URL;
  let json = false;
  let level: string | undefined;
  let out: string | undefined;
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    if (CREDENTIAL_FLAGS.includes(flag.toLowerCase())) {
      throw new UsageError(`credentials are never taken from the command line (${flag}): set OSD_API_KEY, or OSD_USERNAME and OSD_PASSWORD`);
    } else if (flag === '--json') json = true;
    else if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--url') url = value();
    else if (flag === '--level') level = value();
    else if (flag === '--out') out = value();
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else positional.push(arg);
  }

  if (help || positional[0] === 'help' || positional.length === 0) {
    if (!help && positional.length === 0) throw new UsageError('a command is needed');
    return { command: 'help', ids: [], url, json };
  }
  const [command, ...rest] = positional;
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (takesId(command) && rest.length !== 1) throw new UsageError(`${command} needs one report ID`);
  if (!takesId(command) && command !== 'export' && rest.length > 0) throw new UsageError(`${command} takes no argument, got "${rest[0]}"`);
  if (level !== undefined && command !== 'opt-in') throw new UsageError('--level goes with opt-in only');
  if (level !== undefined && level !== 'operational' && level !== 'full') throw new UsageError(`--level must be operational or full, got "${level}"`);
  if (out !== undefined && command !== 'export') throw new UsageError('--out goes with export only');
  return {
    command: command as CommandName,
    ...(takesId(command) ? { id: rest[0] } : {}),
    ids: command === 'export' ? rest : [],
    ...(level ? { level: level as CliArgs['level'] } : {}),
    ...(out !== undefined ? { out } : {}),
    url: checkUrl(url),
    json,
  };
}
