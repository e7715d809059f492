/*
 * The receiver with real dashboards servers, on the embedded stores: a server configured with the
 * receiver's public key as telemetry.encryptionKey opts in through the API; its opt-in announcement and
 * its encrypted report arrive, are decrypted, validated and counted in /api/fleet/summary. A tampered
 * report (an undeclared field, sent directly) is kept aside naming the field. An air-gapped server's
 * export file is imported; the sending server's export adds nothing (idempotent across both paths).
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { api, startOsdServer, ADMIN_AUTH_HEADERS, type OsdServer } from '../../../../test/harness/osd_server';
import { FAST_TIMINGS } from '../../../../src/plugins/telemetry/server/integration_tests/helpers';
import { createReportEncryptor } from '../../../../src/plugins/telemetry_collection_manager/server/encryption/encrypt';
import { runReceiverCli, startReceiverProcess, type ReceiverProcess } from './receiver_process';

const READ_TOKEN = 'dashboards-suite-read-token-42';
const VERSION = require('../../../../package.json').version as string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fleet(receiver: ReceiverProcess, path = '/api/fleet/summary') {
  const res = await fetch(`${receiver.url}${path}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.json();
}

/** Polls the summary until `done` holds (the sender works on its own schedule). */
async function waitForSummary(receiver: ReceiverProcess, done: (summary: any) => boolean, what: string, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const summary = await fleet(receiver);
    if (done(summary)) return summary;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms; summary: ${JSON.stringify(summary)}\n${receiver.output()}`);
    await sleep(250);
  }
}

/** Starts a dashboards server sending to the receiver, encrypting to its key. */
function startSender(receiver: ReceiverProcess, publicKey: string, telemetry: Record<string, string> = {}) {
  const settings = { ...FAST_TIMINGS, url: `${receiver.url}/v2/reports`, optInStatusUrl: `${receiver.url}/v2/opt_in_status`, ...telemetry };
  return startOsdServer({
    args: Object.entries(settings).map(([key, value]) => `--telemetry.${key}=${value}`),
    yaml: `telemetry.encryptionKey: '${publicKey.replace(/\s+/g, ' ')}'\n`,
    env: { DO_NOT_TRACK: '', OSD_TELEMETRY_DISABLED: '', OSD_TELEMETRY_DEBUG: '' },
  });
}

async function exportFile(server: OsdServer): Promise<string> {
  const res = await fetch(`${server.url}/api/telemetry/v2/reports/_export`, {
    method: 'POST',
    headers: { ...ADMIN_AUTH_HEADERS, 'osd-xsrf': 'test', 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
  return res.text();
}

async function importFile(receiver: ReceiverProcess, text: string) {
  const res = await fetch(`${receiver.url}/v2/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  return { status: res.status, body: await res.json() };
}

describe('the receiver with real dashboards servers (embedded store)', () => {
  let dir: string;
  let receiver: ReceiverProcess;
  let publicKey: string;
  const servers: OsdServer[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-fleet-'));
    expect((await runReceiverCli(['--generate-key', '--out', join(dir, 'keys')])).code).toBe(0);
    publicKey = readFileSync(join(dir, 'keys', 'receiver_public.jwk.json'), 'utf8');
    receiver = await startReceiverProcess(['--data', join(dir, 'data'), '--key', join(dir, 'keys', 'receiver_private.jwk.json'), '--read-token', READ_TOKEN]);
  });
  afterAll(async () => {
    await Promise.all(servers.map(async (s) => (await s.stop(), s.cleanup())));
    expect(await receiver?.stop()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an opted-in server reports encrypted; the report arrives decrypted, validated and counted', async () => {
    const server = await startSender(receiver, publicKey);
    servers.push(server);
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true })).status).toBe(200);
    const summary = await waitForSummary(receiver, (s) => s.reports >= 1 && s.optedIn >= 1, 'the first report and the opt-in announcement');

    const [plain] = (await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true })).body;
    expect(summary).toMatchObject({ deployments: 1, reports: 1, rejected: 0, optedIn: 1, versions: { [plain.version]: 1 } });
    expect(plain.version).toBe(VERSION);
    // Decrypted and read: the collectors' fields are counted against the stored schema.
    expect(summary.collectors.core).toMatchObject({ reports: 1, fieldsSeen: expect.any(Number) });
    expect(summary.collectors.core.fieldsSeen).toBeGreaterThan(10);
    expect(summary.collectors.telemetry).toMatchObject({ reports: 1, fieldsSeen: 2 });
    expect(summary.plugins.telemetry).toEqual({ deployments: 1, share: 1 });
    expect(summary.timeline).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), deployments: 1, reports: 1 }]);
    expect(receiver.output()).not.toContain('failed:');

    // The sender's ledger says the receiver took it (a 2xx).
    const ledger = (await api(`${server.url}/api/telemetry/v2/reports`)).body.reports;
    expect(ledger[0]).toMatchObject({ status: 'sent', encrypted: true, clusterUuid: plain.cluster_uuid });
  });

  it('a tampered report (an undeclared field, encrypted to the right key, sent directly) is kept aside naming the field', async () => {
    const [plain] = (await api(`${servers[0].url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true })).body;
    const tampered = { ...plain, timestamp: new Date(Date.parse(plain.timestamp) + 1000).toISOString() };
    tampered.stack_stats.opensearch_dashboards.plugins.csp = { ...tampered.stack_stats.opensearch_dashboards.plugins.csp, admin_email: 'root@example.com' };
    const jwe = await createReportEncryptor(JSON.parse(publicKey)).encrypt(tampered);
    const res = await fetch(`${receiver.url}/v2/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/jose', 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot', 'osd-version': VERSION },
      body: jwe,
    });
    expect(res.status).toBe(422);
    const path = 'stack_stats.opensearch_dashboards.plugins.csp.admin_email';
    expect(await res.json()).toMatchObject({ path, error: `report rejected: undeclared field ${path} (not in the stored schema)` });
    const { rejected } = await fleet(receiver, '/api/fleet/rejected');
    expect(rejected).toEqual([expect.objectContaining({ clusterUuid: plain.cluster_uuid, path, source: 'http' })]);
    expect(await fleet(receiver)).toMatchObject({ deployments: 1, reports: 1, rejected: 1 });
  });

  it('imports an air-gapped server export; the sending server export is already counted', async () => {
    const airGapped = await startSender(receiver, publicKey, { optIn: 'true', generateOnly: 'true', reportInterval: '1h' });
    servers.push(airGapped);
    const deadline = Date.now() + 60000;
    while ((await api(`${airGapped.url}/api/telemetry/v2/reports`)).body.reports.length === 0) {
      if (Date.now() > deadline) throw new Error(`the air-gapped server generated no report:\n${airGapped.output()}`);
      await sleep(250);
    }
    const before = await fleet(receiver);
    const file = await exportFile(airGapped);
    const bundle = JSON.parse(file);
    expect(bundle).toMatchObject({ format: 'osd-telemetry-export', version: 1, reports: [{ payloadEncoding: 'jwe', status: 'generated' }] });

    expect(await importFile(receiver, file)).toEqual({ status: 200, body: { imported: 1, duplicates: 0, rejected: 0, refused: 0, problems: [] } });
    expect(await importFile(receiver, file)).toEqual({ status: 200, body: { imported: 0, duplicates: 1, rejected: 0, refused: 0, problems: [] } });
    const sent = await importFile(receiver, await exportFile(servers[0]));
    expect(sent.body).toMatchObject({ imported: 0, refused: 0 });
    expect(sent.body.duplicates).toBeGreaterThanOrEqual(1);

    const summary = await fleet(receiver);
    expect(summary).toMatchObject({ deployments: 2, rejected: 1, versions: { [VERSION]: 2 } });
    // One report more than before: the air-gapped server's, there by the file only (it sends nothing).
    expect(summary.reports).toBe(before.reports + 1);
    expect(before.deployments).toBe(1);

    // A plain payload is refused by the key policy, per report, the rest of the file still read.
    const changed = { ...bundle, reports: [{ ...bundle.reports[0], payloadEncoding: 'json', payload: '{}' }] };
    expect((await importFile(receiver, JSON.stringify(changed))).body).toMatchObject({ refused: 1, problems: [{ index: 0, outcome: 'refused', reason: expect.stringContaining('accepts encrypted reports only') }] });
  });
});
