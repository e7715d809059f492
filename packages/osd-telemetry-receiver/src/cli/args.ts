import { resolve } from 'path';
import { DEFAULT_KEY_BITS, KEY_BITS } from '../keys/generate_key';
import type { ReceiverLimits } from '../server/types';

export const USAGE = `usage:
  npm run receiver -- --generate-key --out DIR [--key-bits 2048|3072|4096] [--force]
  npm run receiver -- [--port 5602] [--host 127.0.0.1] [--data DIR | --opensearch URL... [--index-prefix P]]
                      [--key PRIVATE_JWK] [--read-token T]
                      [--schema FILE]... [--max-report-bytes N] [--max-import-bytes N] [--rate N]
  (the read token may also come from OSD_RECEIVER_READ_TOKEN, which keeps it out of the process list)`;

export type CliCommand =
  | { command: 'help' }
  | { command: 'generate-key'; out: string; force: boolean; keyBits: number }
  | {
      command: 'serve';
      host: string;
      port: number;
      dataDir: string;
      /** OpenSearch node URLs; empty: the embedded SQLite store under dataDir. */
      opensearch: string[];
      indexPrefix?: string;
      keyFile?: string;
      readToken?: string;
      schemaFiles: string[];
      limits: Partial<ReceiverLimits>;
    };

const GENERATE_FLAGS = new Set(['--generate-key', '--out', '--force', '--key-bits']);

/** A command-line mistake: the message names the flag. */
export class UsageError extends Error {}

/** Reads the command line (`--flag value` or `--flag=value`). Throws a UsageError naming the flag. Pure. */
export function parseArgs(argv: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string | undefined> }): CliCommand {
  let generate = false;
  let out: string | undefined;
  let force = false;
  let keyBits: number | undefined;
  const serve = {
    host: '127.0.0.1',
    port: 5602,
    dataDir: resolve(cwd, 'data', 'receiver'),
    opensearch: [] as string[],
    indexPrefix: undefined as string | undefined,
    keyFile: undefined as string | undefined,
    readToken: env.OSD_RECEIVER_READ_TOKEN || undefined,
    schemaFiles: [] as string[],
    limits: {} as Partial<ReceiverLimits>,
  };
  const serveFlags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return argv[++i];
    };
    const whole = (min: number, max: number) => {
      const text = value();
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
      return n;
    };
    if (!GENERATE_FLAGS.has(flag) && flag !== '-h' && flag !== '--help') serveFlags.push(flag);
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--generate-key':
        generate = true;
        break;
      case '--out':
        out = resolve(cwd, value());
        break;
      case '--force':
        force = true;
        break;
      case '--key-bits': {
        const text = value();
        keyBits = Number(text);
        if (!(KEY_BITS as readonly number[]).includes(keyBits)) throw new UsageError(`--key-bits must be one of ${KEY_BITS.join(', ')}, got ${JSON.stringify(text)}`);
        break;
      }
      case '--host':
        serve.host = value();
        break;
      case '--port':
        serve.port = whole(0, 65535);
        break;
      case '--data':
        serve.dataDir = resolve(cwd, value());
        break;
      case '--opensearch': {
        const url = value();
        if (!/^https?:\/\/[^\s/]+/.test(url)) throw new UsageError(`--opensearch must be an http(s) URL, got ${JSON.stringify(url)}`);
        serve.opensearch.push(url);
        break;
      }
      case '--index-prefix':
        serve.indexPrefix = value();
        break;
      case '--key':
        serve.keyFile = resolve(cwd, value());
        break;
      case '--read-token': {
        const token = value();
        if (!/^[\x21-\x7e]{16,512}$/.test(token)) throw new UsageError('--read-token must be 16 to 512 printable characters without spaces');
        serve.readToken = token;
        break;
      }
      case '--schema':
        serve.schemaFiles.push(resolve(cwd, value()));
        break;
      case '--max-report-bytes':
        serve.limits.maxReportBytes = whole(1024, 1024 * 1024 * 1024);
        break;
      case '--max-import-bytes':
        serve.limits.maxImportBytes = whole(1024, 4 * 1024 * 1024 * 1024);
        break;
      case '--rate':
        serve.limits.ingestPerMinute = whole(1, 1000000);
        break;
      default:
        throw new UsageError(`unknown argument ${argv[i]}`);
    }
  }
  if (generate) {
    if (!out) throw new UsageError('--generate-key needs --out DIR (where the two key files go)');
    if (serveFlags.length > 0) throw new UsageError(`${serveFlags[0]} does not go with --generate-key`);
    return { command: 'generate-key', out, force, keyBits: keyBits ?? DEFAULT_KEY_BITS };
  }
  if (out !== undefined || force || keyBits !== undefined) throw new UsageError('--out, --key-bits and --force go with --generate-key only');
  if (serve.indexPrefix !== undefined && serve.opensearch.length === 0) throw new UsageError('--index-prefix goes with --opensearch');
  if (serve.opensearch.length > 0 && serveFlags.includes('--data')) throw new UsageError('--data (SQLite) and --opensearch are two stores: give one');
  if (serve.readToken !== undefined && !/^[\x21-\x7e]{16,512}$/.test(serve.readToken)) {
    throw new UsageError('OSD_RECEIVER_READ_TOKEN must be 16 to 512 printable characters without spaces');
  }
  return { command: 'serve', ...serve };
}
