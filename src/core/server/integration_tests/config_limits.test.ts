import { spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { REPO_ROOT, runServerToExit } from '../../../../test/harness/osd_server';

/** A line of a stack trace, as Node prints them (the logger folds them into one line with `\n`). */
const STACK_FRAME = /\bat .+:\d+:\d+\)?/;

/**
 * Runs the CLI with only `--config <file>` (the harness always passes `--path.data` on the command line,
 * which would hide the key's file), and waits for it to exit.
 */
function runWithConfigFile(file: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'opensearch_dashboards.js'), '--config', file], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit:\n${output}`));
    }, 30000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('start-up errors on bounded config keys and path.data', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'osd-limits-'));
    file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses ops.interval: 0, naming the key, its minimum and the file', async () => {
    const { code, output } = await runServerToExit({ yaml: 'ops.interval: 0\n', dataPath: dir });
    expect(code).toBe(1);
    expect(output).toMatch(
      /ConfigError: \[ops\.interval\]: Value must be equal to or greater than \[100ms\] \(config key \[ops\.interval\] set in .*config-\d+\.yml\)/
    );
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('refuses a timeout a Node timer cannot hold, from the command line', async () => {
    const { code, output } = await runServerToExit({ args: ['--opensearch.healthCheck.delay=30d'], dataPath: dir });
    expect(code).toBe(1);
    expect(output).toContain(
      '[opensearch.healthCheck.delay]: Value must be equal to or less than [2147483647ms] (config key [opensearch.healthCheck.delay] set in the command line)'
    );
  });

  it('refuses a path.data that is a file: names the key, exits non-zero, prints no stack', async () => {
    const { code, output } = await runServerToExit({ dataPath: file });
    expect(code).toBe(1);
    expect(output).toContain(
      `ConfigError: [path.data]: cannot use [${file}] as the data folder: it is a file, not a folder (config key [path.data] set in the command line)`
    );
    expect(output).not.toMatch(STACK_FRAME);
  });

  it('refuses a path.data under a file (not writable, even for root), naming the config file that set it', async () => {
    const config = join(dir, 'osd.yml');
    const dataPath = join(file, 'data');
    writeFileSync(config, `path.data: ${dataPath}\nserver.port: 0\nserver.host: 127.0.0.1\n`);
    const { code, output } = await runWithConfigFile(config);
    expect(code).toBe(1);
    expect(output).toContain(
      `ConfigError: [path.data]: cannot use [${dataPath}] as the data folder: a part of the path is a file, not a folder (config key [path.data] set in ${config})`
    );
    expect(output).not.toMatch(STACK_FRAME);
  });
});
