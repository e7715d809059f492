import * as path from 'path';
import * as ts from 'typescript';
import { mayHoldUsageCollector } from './discover';
import { TelemetryToolError } from './errors';
import { CollectorParser, ParsedCollector } from './ts_parser';

/** A path relative to the working directory, with forward slashes (as messages and the dictionary show it). */
export const relativeToCwd = (cwd: string, file: string) => path.relative(cwd, file).split(path.sep).join('/');

/** The compiler options of the `tsconfig.json` found from `cwd` upwards (upstream looks it up the same way). */
export function loadCompilerOptions(cwd: string): ts.CompilerOptions {
  const configFile = ts.findConfigFile(cwd, ts.sys.fileExists, 'tsconfig.json');
  if (!configFile) throw new TelemetryToolError('Could not find a valid tsconfig.json.');
  const problems: string[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  });
  if (!parsed || problems.length) {
    throw new TelemetryToolError(`Could not read ${configFile}: ${problems.join('; ') || 'unknown error'}`);
  }
  return parsed.options;
}

/**
 * Reads every usage collector of `files` (absolute paths). Only the files that mention `makeUsageCollector`
 * become roots of the program; their imports are loaded by the compiler, so types and constants resolve
 * across files. Type errors of the program are not this tool's business (`tsc` reports them).
 */
export function extractCollectors(files: string[], options: ts.CompilerOptions, cwd: string): ParsedCollector[] {
  const candidates = files.filter(mayHoldUsageCollector);
  if (candidates.length === 0) return [];
  const program = ts.createProgram(candidates, { ...options, noEmit: true });
  const parser = new CollectorParser(program.getTypeChecker());
  return candidates.flatMap((file) => {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) throw new TelemetryToolError(`Unable to get sourceFile ${file}.`);
    return parser.parseFile(sourceFile, relativeToCwd(cwd, file));
  });
}
