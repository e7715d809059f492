import { TelemetryToolError } from '../tools/errors';

/** The command line of `telemetry_check` (and, minus the check flags, of `telemetry_extract`). */
export interface TelemetryFlags {
  /** `--fix`: rewrite the stored schema file and the data dictionary. */
  fix: boolean;
  /** `--ignore-stored-json`: check schemas against types only. */
  ignoreStoredJson: boolean;
  /** `--path FILE...`: check only these collector files (relative to the working directory). */
  paths?: string[];
  /** Positional arguments: more folders holding a `.telemetryrc.json` (plugins outside `src/plugins`). */
  roots: string[];
  help: boolean;
  /** Flags nobody knows; upstream accepts them, so they are only warned about. */
  unknown: string[];
}

const isSourceFile = (arg: string) => /\.tsx?$/.test(arg);

/** Parses the arguments; throws upstream's messages for a misused flag. */
export function parseFlags(argv: string[]): TelemetryFlags {
  const flags: TelemetryFlags = { fix: false, ignoreStoredJson: false, roots: [], help: false, unknown: [] };
  const noValue = (name: string, value: string | undefined) => {
    if (value !== undefined) throw new TelemetryToolError(`--${name} can't have a value`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) {
      flags.roots.push(arg);
      continue;
    }
    const [name, value] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    switch (name) {
      case 'fix':
        noValue(name, value);
        flags.fix = true;
        break;
      case 'ignore-stored-json':
        noValue(name, value);
        flags.ignoreStoredJson = true;
        break;
      case 'path': {
        // `--path a.ts b.ts` or `--path=a.ts`; a folder argument after them is a root, not a path.
        const values = value !== undefined ? [value] : [];
        while (i + 1 < argv.length && isSourceFile(argv[i + 1])) values.push(argv[++i]);
        if (!values.length || values.some((v) => v === '')) throw new TelemetryToolError('--path require a value');
        flags.paths = [...(flags.paths ?? []), ...values];
        break;
      }
      case 'help':
      case 'h':
        flags.help = true;
        break;
      default:
        flags.unknown.push(arg);
    }
  }
  if (flags.fix && flags.paths) throw new TelemetryToolError('--fix is incompatible with --path flag.');
  if (flags.fix && flags.ignoreStoredJson) throw new TelemetryToolError('--fix is incompatible with --ignore-stored-json flag.');
  return flags;
}

export const CHECK_HELP = `Usage: node scripts/telemetry_check.js [ROOT...] [--fix] [--path FILE...] [--ignore-stored-json]

Checks every makeUsageCollector<T>({...}) under the roots of ./.telemetryrc.json (and of each ROOT folder's
.telemetryrc.json): its schema against its usage type T, its category ('operational' or 'usage'; required
where the root sets "requireCategory": true), then its schema against the stored schema file and the data
dictionary. Exits 1 on any mismatch.

  --fix                 rewrite the stored schema file(s) and data dictionary from the collectors
  --path FILE...        check only the collectors of these files (not with --fix)
  --ignore-stored-json  check schemas against their types only (not with --fix)
`;

export const EXTRACT_HELP = `Usage: node scripts/telemetry_extract.js [ROOT...]

Writes the stored schema file(s) and data dictionary from the collectors under the roots of ./.telemetryrc.json
(and of each ROOT folder's .telemetryrc.json), without checking the schemas against their types.
`;
