import { checkCompatibleTypes } from '../tools/check_compatible_types';
import type { TelemetryRC } from '../tools/config';
import { TelemetryToolError } from '../tools/errors';
import { relativeToCwd } from '../tools/extract_collectors';
import { describeDifference, diffMappings } from '../tools/manage_schema';
import {
  expectedFiles,
  extractGroups,
  missingCategories,
  OutputGroup,
  readConfigs,
  readIfExists,
  writeGroup,
} from '../tools/tasks';
import { CHECK_HELP, parseFlags, TelemetryFlags } from './flags';
import { createConsoleLog, Log, reportError, runSteps, StepFailure } from './reporter';

export interface RunOptions {
  /** The arguments after the script name. */
  argv: string[];
  /** Where `.telemetryrc.json` and `tsconfig.json` are looked up, and `--path` is relative to. */
  cwd?: string;
  log?: Log;
}

/** Compares a group's stored file and dictionary with what the collectors say; the differences, as errors. */
function compareStored(cwd: string, group: OutputGroup, flags: TelemetryFlags) {
  const { mapping, dictionaryText } = expectedFiles(cwd, group);
  const output = relativeToCwd(cwd, group.output);
  const errors: Array<{ context: string; message: string }> = [];
  const storedText = readIfExists(group.output);
  let stored: unknown;
  try {
    stored = storedText === undefined ? undefined : JSON.parse(storedText);
  } catch (error) {
    errors.push({ context: output, message: `${output} is not valid JSON (${(error as Error).message}). Use '--fix' to update.` });
  }
  const only = flags.paths ? new Set(group.collectors.map((c) => c.collectorName)) : undefined;
  const fileOf = (name: string) => {
    const collector = group.collectors.find((c) => c.collectorName === name);
    return collector && `${collector.path}:${collector.line}`;
  };
  const diffs = storedText === undefined || stored !== undefined ? diffMappings(mapping, stored, only) : [];
  if (diffs.length) {
    errors.push({
      context: output,
      message:
        `The following changes must be persisted in ${output} file. Use '--fix' to update.\n` +
        (storedText === undefined ? `(${output} does not exist yet)\n` : '') +
        diffs.map((d) => `  ${describeDifference(d, fileOf)}`).join('\n'),
    });
  }
  // A `--path` run sees some collectors only: the dictionary (of all of them) is not compared then.
  if (group.dictionary && dictionaryText !== undefined && !flags.paths && readIfExists(group.dictionary) !== dictionaryText) {
    const dictionary = relativeToCwd(cwd, group.dictionary);
    errors.push({ context: dictionary, message: `${dictionary} is out of date with the collectors' schemas. Use '--fix' to update.` });
  }
  return errors;
}

/** How many collectors declare each category, for the step's note: `4 operational, 3 usage, 1 undeclared`. */
function categoryCounts(groups: OutputGroup[]) {
  const collectors = groups.flatMap((g) => g.collectors);
  const count = (category: string | undefined) => collectors.filter((c) => c.category === category).length;
  const undeclared = count(undefined);
  return `${count('operational')} operational, ${count('usage')} usage${undeclared ? `, ${undeclared} undeclared, counted as usage` : ''}`;
}

/**
 * `node scripts/telemetry_check.js`: reads the `.telemetryrc.json` roots, extracts every usage collector, checks
 * each schema against its usage type, checks that every collector of a root with `requireCategory` declares its
 * category, then (unless `--ignore-stored-json`) compares the schemas with the stored schema file and the data
 * dictionary; `--fix` rewrites those two instead of failing. Unlike upstream OSD, whose stored-JSON step only ran
 * with `--ignore-stored-json` (so a plain run never compared and `--fix` never wrote), the comparison runs by
 * default, as Kibana's `fix || !ignoreStoredJson`. Returns the exit code.
 */
export function runTelemetryCheck({ argv, cwd = process.cwd(), log = createConsoleLog() }: RunOptions): number {
  let flags: TelemetryFlags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    reportError(log, error);
    return 1;
  }
  if (flags.help) {
    log.info(CHECK_HELP);
    return 0;
  }
  flags.unknown.forEach((flag) => log.info(`(ignoring unknown flag ${flag})`));

  let configs: TelemetryRC[] = [];
  let groups: OutputGroup[] = [];
  const count = () => groups.reduce((n, g) => n + g.collectors.length, 0);
  return runSteps(log, [
    {
      title: 'Checking .telemetryrc.json files',
      run: () => {
        configs = readConfigs(cwd, flags.roots);
        return configs.map((c) => relativeToCwd(cwd, c.root) || '.').join(', ');
      },
    },
    {
      title: 'Extracting collectors',
      run: () => {
        groups = extractGroups(cwd, configs, flags.paths);
        return `${count()} found${flags.paths ? ` in ${flags.paths.join(', ')}` : ''}`;
      },
    },
    {
      title: 'Checking compatible collector.schema with collector.fetch type',
      run: () => {
        const incompatible = groups.flatMap((g) => checkCompatibleTypes(g.collectors));
        if (!incompatible.length) return;
        throw new StepFailure(
          incompatible.map(({ collectorPath, collectorName, messages }, i) => ({
            context: `${collectorPath} (collector "${collectorName}")`,
            message:
              messages.map((m) => `  ${m}`).join('\n') +
              (i === incompatible.length - 1 ? '\nPlease fix the collectors and run the check again.' : ''),
          }))
        );
      },
    },
    {
      title: 'Checking collector categories',
      run: () => {
        const missing = groups.flatMap(missingCategories);
        if (missing.length) {
          throw new TelemetryToolError(
            `${missing.join('\n')}\n` +
              `Their root sets "requireCategory": true in .telemetryrc.json. 'operational': health, versions, sizes, ` +
              `config (sent at the operational and full levels); 'usage': what people do (sent at the full level only).`
          );
        }
        return categoryCounts(groups);
      },
    },
    {
      title: 'Checking matching collector.schema against stored json files',
      skip: flags.ignoreStoredJson || flags.fix,
      run: () => {
        const errors = groups.flatMap((group) => compareStored(cwd, group, flags));
        if (errors.length) throw new StepFailure(errors);
        return groups.map((g) => relativeToCwd(cwd, g.output)).join(', ');
      },
    },
    {
      title: 'Updating telemetry mapping files',
      skip: !flags.fix,
      run: () => {
        const written = groups.flatMap((group) => writeGroup(cwd, group));
        written.forEach((file) => log.info(`  updated ${file}`));
        return written.length ? `${written.length} file(s) updated` : 'already up to date';
      },
    },
  ]);
}

/** The entry point of `scripts/telemetry_check.js`. */
export function runTelemetryCheckCli() {
  process.exitCode = runTelemetryCheck({ argv: process.argv.slice(2) });
}
