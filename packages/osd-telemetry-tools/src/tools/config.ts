import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { TELEMETRY_RC } from './constants';
import { TelemetryToolError } from './errors';

/** One entry of a `.telemetryrc.json`, with every path made absolute. */
export interface TelemetryRC {
  /** The folder scanned for collectors. */
  root: string;
  /** The stored schema file (`{ properties: { [collectorType]: mapping } }`). */
  output: string;
  /** Folders or files under `root` left out (prefixes). */
  exclude: string[];
  /** The generated data dictionary (markdown), if this root has one. */
  dictionary?: string;
  /** Whether every collector of this root must declare its `category` (`'operational'` or `'usage'`). */
  requireCategory?: boolean;
}

const asAbsolute = (rcRoot: string, p: string) => path.resolve(rcRoot, p);

/**
 * Reads `<rcRoot>/.telemetryrc.json`: one entry or an array of entries
 * `{ root, output, exclude?, dictionary?, requireCategory? }`,
 * paths relative to `rcRoot`. Throws upstream's messages for a malformed entry.
 */
export function parseTelemetryRC(rcRoot: string): TelemetryRC[] {
  if (!path.isAbsolute(rcRoot)) {
    throw new TelemetryToolError(`config root (${rcRoot}) must be an absolute path.`);
  }
  const rcFile = path.join(rcRoot, TELEMETRY_RC);
  if (!existsSync(rcFile)) {
    throw new TelemetryToolError(`No ${TELEMETRY_RC} found in ${rcRoot}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(rcFile, 'utf8'));
  } catch (error) {
    throw new TelemetryToolError(`${rcFile} is not valid JSON: ${(error as Error).message}`);
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  return entries.map((entry: any) => {
    const { root, output, exclude = [], dictionary, requireCategory } = entry ?? {};
    if (typeof root !== 'string') {
      throw new TelemetryToolError('config.root must be a string.');
    }
    if (typeof output !== 'string') {
      throw new TelemetryToolError('config.output must be a string.');
    }
    if (!Array.isArray(exclude) || exclude.some((e) => typeof e !== 'string')) {
      throw new TelemetryToolError('config.exclude must be an array of strings.');
    }
    if (dictionary !== undefined && typeof dictionary !== 'string') {
      throw new TelemetryToolError('config.dictionary must be a string.');
    }
    if (requireCategory !== undefined && typeof requireCategory !== 'boolean') {
      throw new TelemetryToolError('config.requireCategory must be a boolean.');
    }
    return {
      root: asAbsolute(rcRoot, root),
      output: asAbsolute(rcRoot, output),
      // A trailing separator is kept, so that `exclude: ["a/b/"]` does not exclude `a/bc.ts`.
      exclude: exclude.map((e: string) => asAbsolute(rcRoot, e) + (/[\\/]$/.test(e) ? path.sep : '')),
      ...(dictionary !== undefined ? { dictionary: asAbsolute(rcRoot, dictionary) } : {}),
      ...(requireCategory ? { requireCategory: true } : {}),
    };
  });
}
