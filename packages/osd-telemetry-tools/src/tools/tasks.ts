import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parseTelemetryRC, TelemetryRC } from './config';
import { generateDictionary } from './data_dictionary';
import { getProgramPaths } from './discover';
import { TelemetryToolError } from './errors';
import { extractCollectors, loadCompilerOptions, relativeToCwd } from './extract_collectors';
import { generateMapping, serializeMapping } from './manage_schema';
import type { ParsedCollector } from './ts_parser';

/** The collectors of all the roots that write one stored file (usually one root per file). */
export interface OutputGroup {
  output: string;
  dictionary?: string;
  roots: TelemetryRC[];
  collectors: ParsedCollector[];
  /** The collectors of the roots that set `requireCategory` (each must declare its `category`). */
  categoryRequired: ParsedCollector[];
}

/** The configs of `cwd`'s `.telemetryrc.json` and of each extra root folder's. */
export function readConfigs(cwd: string, extraRoots: string[]): TelemetryRC[] {
  const rcRoots = [cwd, ...extraRoots.map((root) => path.resolve(cwd, root))];
  return [...new Set(rcRoots)].flatMap((rcRoot) => parseTelemetryRC(rcRoot));
}

/**
 * Extracts the collectors of every root, grouped by stored file. With `paths`, only those files are read, and
 * each must be covered by a root (not excluded) and hold a collector.
 */
export function extractGroups(cwd: string, configs: TelemetryRC[], paths?: string[]): OutputGroup[] {
  const options = loadCompilerOptions(cwd);
  const restrictTo = paths?.map((p) => path.resolve(cwd, p));
  const covered = new Set<string>();
  const groups = new Map<string, OutputGroup>();
  for (const config of configs) {
    const programPaths = getProgramPaths(config);
    programPaths.forEach((p) => covered.add(p));
    const files = restrictTo ? programPaths.filter((p) => restrictTo.includes(p)) : programPaths;
    const collectors = files.length ? extractCollectors(files, options, cwd) : [];
    const group = groups.get(config.output) ?? { output: config.output, roots: [], collectors: [], categoryRequired: [] };
    group.dictionary = group.dictionary ?? config.dictionary;
    group.roots.push(config);
    group.collectors.push(...collectors);
    if (config.requireCategory) group.categoryRequired.push(...collectors);
    groups.set(config.output, group);
  }
  for (const [i, file] of (restrictTo ?? []).entries()) {
    if (!covered.has(file)) {
      throw new TelemetryToolError(
        `Collector specified in \`path\` is excluded; Check the telemetryrc.json files. (${paths![i]} is ` +
          `${existsSync(file) ? 'not under any root, or excluded' : 'not found'})`
      );
    }
    const found = [...groups.values()].some((g) => g.collectors.some((c) => path.resolve(cwd, c.path) === file));
    if (!found) throw new TelemetryToolError(`No usage collector found in ${paths![i]} (given with --path).`);
  }
  for (const group of groups.values()) assertUniqueTypes(group);
  return [...groups.values()];
}

/** Two collectors of one type would overwrite each other in the report (and the registry rejects the second). */
function assertUniqueTypes(group: OutputGroup) {
  const seen = new Map<string, ParsedCollector>();
  for (const collector of group.collectors) {
    const first = seen.get(collector.collectorName);
    if (first) {
      throw new TelemetryToolError(
        `Collector type "${collector.collectorName}" is defined twice: ${first.path}:${first.line} and ${collector.path}:${collector.line}.`
      );
    }
    seen.set(collector.collectorName, collector);
  }
}

/**
 * The collectors that must declare a category (their root sets `requireCategory`) and declare none: one line
 * each, naming the collector, its file and line.
 */
export function missingCategories(group: OutputGroup): string[] {
  return group.categoryRequired
    .filter((collector) => collector.category === undefined)
    .map(
      (c) => `collector "${c.collectorName}" (${c.path}:${c.line}) declares no category: add category: 'operational' or 'usage'`
    );
}

/** A file's text, or undefined when it does not exist. */
export const readIfExists = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** Writes a file when its content changes; says whether it did. */
export function writeIfChanged(file: string, content: string): boolean {
  if (readIfExists(file) === content) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return true;
}

/** What a group's files should contain: the stored mapping's text and the dictionary's. */
export function expectedFiles(cwd: string, group: OutputGroup) {
  const mapping = generateMapping(group.collectors);
  const excluded = group.roots.flatMap((root) => root.exclude.map((e) => relativeToCwd(cwd, e) + (e.endsWith(path.sep) ? '/' : '')));
  return {
    mapping,
    mappingText: serializeMapping(mapping),
    dictionaryText: group.dictionary ? generateDictionary(group.collectors, excluded) : undefined,
  };
}

/** Writes a group's stored file and dictionary; returns the files it changed, relative to `cwd`. */
export function writeGroup(cwd: string, group: OutputGroup): string[] {
  const { mappingText, dictionaryText } = expectedFiles(cwd, group);
  const written: string[] = [];
  if (writeIfChanged(group.output, mappingText)) written.push(relativeToCwd(cwd, group.output));
  if (group.dictionary && dictionaryText !== undefined && writeIfChanged(group.dictionary, dictionaryText)) {
    written.push(relativeToCwd(cwd, group.dictionary));
  }
  return written;
}
