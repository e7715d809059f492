import type { TelemetryRC } from '../tools/config';
import { TelemetryToolError } from '../tools/errors';
import { relativeToCwd } from '../tools/extract_collectors';
import { extractGroups, OutputGroup, readConfigs, writeGroup } from '../tools/tasks';
import { EXTRACT_HELP, parseFlags } from './flags';
import { createConsoleLog, reportError, runSteps } from './reporter';
import type { RunOptions } from './run_telemetry_check';

/**
 * `node scripts/telemetry_extract.js`: writes the stored schema file(s) and data dictionary from the collectors
 * without checking them against their types (upstream's extract: parse configs, extract, generate, write).
 * `telemetry_check --fix` does the same after the type check, and is what plugin authors should run.
 */
export function runTelemetryExtract({ argv, cwd = process.cwd(), log = createConsoleLog() }: RunOptions): number {
  let roots: string[];
  try {
    const flags = parseFlags(argv);
    if (flags.help) {
      log.info(EXTRACT_HELP);
      return 0;
    }
    if (flags.fix || flags.paths || flags.ignoreStoredJson || flags.unknown.length) {
      throw new TelemetryToolError(`telemetry_extract takes no flags (got ${argv.filter((a) => a.startsWith('-')).join(' ')}).`);
    }
    roots = flags.roots;
  } catch (error) {
    reportError(log, error);
    return 1;
  }

  let configs: TelemetryRC[] = [];
  let groups: OutputGroup[] = [];
  return runSteps(log, [
    { title: 'Checking .telemetryrc.json files', run: () => void (configs = readConfigs(cwd, roots)) },
    {
      title: 'Extracting collectors',
      run: () => {
        groups = extractGroups(cwd, configs);
        return `${groups.reduce((n, g) => n + g.collectors.length, 0)} found`;
      },
    },
    {
      title: 'Writing telemetry mapping files',
      run: () => {
        const written = groups.flatMap((group) => writeGroup(cwd, group));
        written.forEach((file) => log.info(`  updated ${file}`));
        return written.length ? `${written.length} file(s) updated` : `already up to date: ${groups.map((g) => relativeToCwd(cwd, g.output)).join(', ')}`;
      },
    },
  ]);
}

/** The entry point of `scripts/telemetry_extract.js`. */
export function runTelemetryExtractCli() {
  process.exitCode = runTelemetryExtract({ argv: process.argv.slice(2) });
}
