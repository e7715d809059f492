/*
 * Core is the host platform: the command line (src/cli) starts it, never the other way round. A core file
 * that imported src/cli would drag argument parsing and process handling into every embedding of core.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const CORE = __dirname;
const CLI = resolve(CORE, '..', 'cli');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

describe('core boundaries', () => {
  it('no file under src/core imports src/cli', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(CORE)) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*['"](\.[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), specifier);
        if (target === CLI || target.startsWith(`${CLI}/`)) offenders.push(`${relative(CORE, file)} → ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
