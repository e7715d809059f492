import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import type { TelemetryRC } from './config';
import { TelemetryToolError } from './errors';

/** Folders never scanned: dependencies, build output, tests and browser code (collectors live on the server). */
const IGNORED_DIRS = new Set(['node_modules', '__fixture__', '__tests__', 'integration_tests', 'public', 'dist', 'target']);

/** Files never scanned: tests, mocks and declarations. */
const IGNORED_FILE = /(\.test\.|\.mock\.|^mocks\.|\.d\.ts$)/;

function walk(dir: string, found: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) walk(full, found);
    } else if (entry.isFile() && entry.name.endsWith('.ts') && !IGNORED_FILE.test(entry.name)) {
      found.push(full);
    }
  }
}

const isExcluded = (file: string, exclude: string[]) => exclude.some((prefix) => file.startsWith(prefix));

/**
 * The `.ts` files of a root that the check covers: every server-side source file under `root`, minus tests,
 * mocks and the `exclude` prefixes, sorted. Throws upstream's messages when a root yields nothing.
 */
export function getProgramPaths({ root, exclude }: Pick<TelemetryRC, 'root' | 'exclude'>): string[] {
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new TelemetryToolError(`No files found in ${root}`);
  const found: string[] = [];
  walk(root, found);
  if (found.length === 0) throw new TelemetryToolError(`No files found in ${root}`);
  const covered = found.filter((file) => !isExcluded(file, exclude)).sort();
  if (covered.length === 0) throw new TelemetryToolError(`No paths covered from ${root} by the .telemetryrc.json`);
  return covered;
}

/** Whether a file may hold a usage collector: a cheap text test, so that the program only holds those files. */
export const mayHoldUsageCollector = (file: string) => readFileSync(file, 'utf8').includes('makeUsageCollector');
