/*
 * `node scripts/telemetry.js`: parses the command line, runs the command against the server and turns every
 * failure into one line on stderr and an exit code (1 refused or unreachable, 2 usage), never a stack trace.
 */
import { parseArgs, USAGE, UsageError } from './args';
import { CliError, createApiClient, readCredentials } from './client';
import { COMMAND_RUNNERS } from './commands';

export interface CliEnvironment {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

/** Runs one command; resolves with the exit code. */
export async function runTelemetryCli({ argv, env, stdout, stderr, cwd }: CliEnvironment): Promise<number> {
  const fail = (message: string, code: number) => {
    stderr.write(`telemetry: ${message}\n`);
    return code;
  };
  try {
    const args = parseArgs(argv, env);
    if (args.command === 'help') {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    const client = createApiClient(args.url, readCredentials(env));
    await COMMAND_RUNNERS[args.command](client, args, { write: (text) => stdout.write(text), cwd, stdout });
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message} (node scripts/telemetry.js --help shows the usage)`, 2);
    if (error instanceof CliError) return fail(error.message, 1);
    // Anything else is a bug of the CLI; still one line.
    return fail(`unexpected error: ${(error as Error).message ?? String(error)}`, 1);
  }
}

/** The entry point of `scripts/telemetry.js`. */
export function main() {
  runTelemetryCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
    (code) => (process.exitCode = code)
  );
}
