/*
 * Runs `node scripts/receiver.js` (what `npm run receiver` runs) as a child process, for the integration
 * suites: the URL is the first line on stdout; stderr is kept for failure messages.
 */
import { spawn, type ChildProcess } from 'child_process';
import { resolve } from 'path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const SCRIPT = resolve(REPO_ROOT, 'scripts', 'receiver.js');

export interface ReceiverProcess {
  url: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the CLI to its end (e.g. `--generate-key`): exit code and everything it printed. */
export function runReceiverCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export function startReceiverProcess(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30000): Promise<ReceiverProcess> {
  const child = spawn(process.execPath, [SCRIPT, '--port', '0', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the receiver did not print its URL within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the receiver exited (${code}) during start-up:\n${stderr}`));
    });
    child.stdout!.on('data', (d) => {
      stdout += d;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line.startsWith('http')) {
        clearTimeout(timer);
        resolvePromise({
          url: line.trim(),
          process: child,
          output: () => stderr,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
  });
}
