/*
 * `node scripts/telemetry.js` against a real server (security on) and a local receiver: every command, the
 * credentials from the environment, and one clear line with a non-zero exit for 401, 403, refusals and an
 * unreachable server.
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort } from '../../../test/harness/free_port';
import { api, REPO_ROOT, startOsdServer, TEST_ADMIN_PASSWORD, type OsdServer } from '../../../test/harness/osd_server';
import { startReceiver, type Receiver } from '../../../test/receiver';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with exactly `env` (plus PATH), as an operator's shell would. */
function cli(args: string[], env: Record<string, string>, cwd = REPO_ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO_ROOT, 'scripts', 'telemetry.js'), ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    );
  });
}

const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** One line on stderr, and no stack trace. */
function expectOneLine(run: Run, code: number, start: string) {
  expect([run.code, run.stdout]).toEqual([code, '']);
  expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^telemetry: ${start.replace(/[[\]().*+?]/g, '\\$&')}`))]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('telemetry operator CLI', () => {
  let server: OsdServer;
  let receiver: Receiver;
  let admin: Record<string, string>;
  const work = mkdtempSync(join(tmpdir(), 'osd-telemetry-cli-'));
  beforeAll(async () => {
    receiver = await startReceiver();
    // Undecided, and no scheduled report during the suite: every report is one the CLI asked for.
    server = await startOsdServer({
      args: [`--telemetry.url=${receiver.url}/send`, `--telemetry.optInStatusUrl=${receiver.url}/opt_in_status`, '--telemetry.initialCheckDelay=24d'],
      env: { DO_NOT_TRACK: '', OSD_TELEMETRY_DISABLED: '', OSD_TELEMETRY_DEBUG: '' },
    });
    admin = { OSD_URL: server.url, OSD_USERNAME: 'admin', OSD_PASSWORD: TEST_ADMIN_PASSWORD };
  }, 120000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await receiver?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the state and previews the report; refuses to send before an opt-in', async () => {
    const status = await cli(['status'], admin);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe('Telemetry  undecided (nothing is sent until an admin opts in)\nLevel      off\nLocked     no\nSent from  server\n');
    expect(JSON.parse((await cli(['status', '--json'], admin)).stdout)).toMatchObject({ optIn: null, level: 'off', allowChangingOptInStatus: true });

    const preview = await cli(['preview'], admin);
    expect(preview.stdout).toMatch(/^Cluster [\w-]+ \(embedded\), version [\d.]+, [\d.]+ KB, level full: what an opt-in would send/);
    expect(preview.stdout).toContain('  plugins.telemetry');
    const [report] = JSON.parse((await cli(['preview', '--json'], admin)).stdout);
    expect(report).toMatchObject({ collection: 'local', stack_stats: { opensearch_dashboards: expect.any(Object) } });

    expectOneLine(await cli(['send'], admin), 1, '400: Telemetry is not opted in');
    expect(receiver.requestsTo('/send')).toHaveLength(0);
  });

  it('opts in at a level, sends, lists, shows the exact bytes, diffs and exports', async () => {
    const optIn = await cli(['opt-in', '--level', 'operational'], admin);
    expect(optIn.code).toBe(0);
    expect(optIn.stdout.split('\n')[0]).toBe('Opted in at level operational.');
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body).toMatchObject({ optIn: true, level: 'operational' });

    const first = await cli(['send'], admin);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').slice(0, 2)).toEqual(['Sent: 1 report.', expect.stringMatching(/^ID\s+GENERATED\s+STATUS\s+LEVEL\s+SIZE\s+SHA256\s+DESTINATION$/)]);
    const second = JSON.parse((await cli(['send', '--json'], admin)).stdout).reports[0];
    expect(second).toMatchObject({ status: 'sent', level: 'operational', trigger: 'manual' });
    const bodies = receiver.requestsTo('/send').map((r) => r.body);
    expect(bodies).toHaveLength(2);

    const history = await cli(['history'], admin);
    expect(history.stdout.split('\n')[1]).toMatch(new RegExp(`^${second.id}\\s+\\S+ \\S+\\s+sent\\s+operational\\s+.+${second.sha256.slice(0, 12)}\\s+${receiver.url}/send$`));
    const [newest, older] = JSON.parse((await cli(['history', '--json'], admin)).stdout).reports;
    expect(newest.id).toBe(second.id);

    // --json writes the stored bytes and nothing else: they hash to the entry, and are what the receiver got.
    const raw = await cli(['show', second.id, '--json'], admin);
    expect(raw.stdout).toBe(bodies[1]);
    expect(sha256(raw.stdout)).toBe(second.sha256);
    expect(JSON.parse((await cli(['show', second.id], admin)).stdout)).toEqual(JSON.parse(bodies[1]));

    const diff = await cli(['diff', second.id], admin);
    expect(diff.stdout).toMatch(new RegExp(`^${second.id} against ${older.id}: \\d+ changes?\\nCHANGE\\s+PATH\\s+BEFORE\\s+AFTER\\n`));
    expect(diff.stdout).toMatch(/\nchanged\s+\/timestamp\s+"/);
    expect(JSON.parse((await cli(['diff', older.id, '--json'], admin)).stdout)).toMatchObject({ id: older.id, against: null, changes: [] });

    const out = join(work, 'named.json');
    const exported = await cli(['export', '--out', out], admin);
    expect(exported.stdout).toMatch(new RegExp(`^Exported to ${out.replace(/[.]/g, '\\.')} \\([\\d.]+ KB\\)\\.\\n$`));
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ format: 'osd-telemetry-export', version: 1 });
    expect(file.reports.map((r: any) => [r.id, sha256(r.payload)])).toEqual([
      [second.id, second.sha256],
      [older.id, older.sha256],
    ]);
    // Without --out: the server's file name, in the current folder; "-" writes to stdout; IDs pick reports.
    expect((await cli(['export', older.id], admin, work)).code).toBe(0);
    expect(readdirSync(work).filter((name) => /^osd-telemetry-export-\d{8}T\d{6}Z\.json$/.test(name))).toHaveLength(1);
    expect(JSON.parse((await cli(['export', second.id, '--out', '-'], admin)).stdout).reports.map((r: any) => r.id)).toEqual([second.id]);

    const optOut = await cli(['opt-out'], admin);
    expect(optOut.stdout.split('\n')[0]).toBe('Opted out.');
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body.optIn).toBe(false);
  });

  it('takes an API key from OSD_API_KEY', async () => {
    const key = await api(`${server.url}/api/security/api_keys`, 'POST', { name: 'cli', roles: ['admin'] });
    expect(key.status).toBe(200);
    const run = await cli(['history', '--json'], { OSD_URL: server.url, OSD_API_KEY: key.body.encoded });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).reports.length).toBeGreaterThan(0);
  });

  it('gives one line and exit 1 for 401, 403, an unknown report and an unreachable server', async () => {
    expectOneLine(await cli(['history'], { OSD_URL: server.url }), 1, '401 Unauthorized: no credentials. Set OSD_API_KEY');
    expectOneLine(await cli(['status'], { ...admin, OSD_PASSWORD: 'wrong-password' }), 1, '401 Unauthorized: the server refused the credentials from OSD_USERNAME/OSD_PASSWORD');
    expect((await api(`${server.url}/api/security/users/cli-viewer`, 'PUT', { password: 'viewer-password', roles: ['viewer'] })).status).toBe(200);
    expectOneLine(
      await cli(['history'], { OSD_URL: server.url, OSD_USERNAME: 'cli-viewer', OSD_PASSWORD: 'viewer-password' }),
      1,
      '403 Forbidden: missing privilege [telemetry:reports]. This needs the admin role.'
    );
    expectOneLine(await cli(['show', 'no-such-report'], admin), 1, '404: Telemetry report [no-such-report] not found');
    const port = await freePort();
    expectOneLine(await cli(['status', '--url', `http://127.0.0.1:${port}`], admin), 1, `cannot reach http://127.0.0.1:${port}: ECONNREFUSED`);
  });

  it('refuses credentials on the command line and other usage mistakes with exit 2', async () => {
    expectOneLine(await cli(['history', '--password', 'x'], admin), 2, 'credentials are never taken from the command line (--password)');
    expectOneLine(await cli(['frobnicate'], admin), 2, 'unknown command "frobnicate"');
    expectOneLine(await cli(['opt-in', '--level', 'most'], admin), 2, '--level must be operational or full, got "most"');
    const help = await cli(['--help'], {});
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: node scripts/telemetry.js <command> [--url URL] [--json]']);
  });
});
