import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { extractCollectors, loadCompilerOptions } from '../tools/extract_collectors';
import type { ParsedCollector } from '../tools/ts_parser';

/** The repository root (packages/osd-telemetry-tools/src/__test_utils__ → ../../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'src', 'fixtures', 'telemetry_collectors');

const TSCONFIG = {
  compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs', moduleResolution: 'node', types: [], noEmit: true },
};

/** A prelude for collector sources: `usageCollection.makeUsageCollector` and a bare `makeUsageCollector`. */
export const PRELUDE = `declare const usageCollection: { makeUsageCollector<T = unknown>(options: any): unknown };
declare function makeUsageCollector<T = unknown>(options: any): unknown;
`;

/** A throw-away project: `files` (relative path → source) plus a strict tsconfig.json. */
export function createTempProject(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'osd-telemetry-tools-'));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  const write = (relative: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  };
  Object.entries(files).forEach(([relative, content]) => write(relative, content));
  return {
    dir,
    write,
    /** Collectors of the given files (all files by default). */
    parse(only: string[] = Object.keys(files).filter((f) => f.endsWith('.ts'))): ParsedCollector[] {
      return extractCollectors(only.map((f) => path.join(dir, f)), loadCompilerOptions(dir), dir);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A copy of the fixtures at `<tmp>/src/fixtures/telemetry_collectors`, beside a copy of the repo's tsconfig. */
export function copyFixtures() {
  const dir = mkdtempSync(path.join(tmpdir(), 'osd-telemetry-fixtures-'));
  const fixtures = path.join(dir, 'src', 'fixtures', 'telemetry_collectors');
  cpSync(FIXTURES, fixtures, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  return { dir, fixtures, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
