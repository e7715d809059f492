/*
 * The receiver as `npm run receiver` runs it (a child process on loopback), over HTTP: key generation, the
 * ingest routes' refusals (each a 4xx naming what is wrong, and the receiver keeps answering), the key
 * policy, idempotency, the export import, and who may read the fleet.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { request as httpRequest } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { createReportEncryptor } from '../../../../src/plugins/telemetry_collection_manager/server/encryption/encrypt';
import { sampleReport } from '../__test_utils__/sample_report';
import { createReceiverKeyPair } from '../keys/generate_key';
import { runReceiverCli, startReceiverProcess, type ReceiverProcess } from './receiver_process';

const READ_TOKEN = 'integration-read-token-0123456789';
const SENDER_HEADERS = { 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot', 'osd-version': '2.19.0' };

async function post(url: string, body: string, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
/**
 * Announces `bytes` of body but sends only the start, and reads the answer: a receiver refuses an oversized
 * body from its Content-Length without reading it, and a client still uploading could get EPIPE instead.
 */
function postOversized(url: string, bytes: number): Promise<{ status: number; body: any }> {
  return new Promise((resolvePromise, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { ...SENDER_HEADERS, 'content-type': 'application/jose', 'content-length': String(bytes) } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolvePromise({ status: response.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
    request.on('error', reject);
    request.write('x'.repeat(1024));
  });
}
const postReport = (receiver: ReceiverProcess, body: string, contentType = 'application/jose', extra: Record<string, string> = {}) =>
  post(`${receiver.url}/v2/reports`, body, { ...SENDER_HEADERS, 'content-type': contentType, ...extra });
/** A read-side request; `null` sends no token (a default parameter would turn `undefined` into the token). */
const read = async (receiver: ReceiverProcess, path: string, token: string | null = READ_TOKEN) => {
  const res = await fetch(`${receiver.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
};

describe('the receiver over HTTP', () => {
  let dir: string;
  let receiver: ReceiverProcess;
  let publicText: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-http-'));
    const generated = await runReceiverCli(['--generate-key', '--out', join(dir, 'keys')]);
    expect(generated).toMatchObject({ code: 0 });
    expect(generated.stderr).toContain('public key (put it in telemetry.encryptionKey)');
    receiver = await startReceiverProcess(['--data', join(dir, 'data'), '--key', join(dir, 'keys', 'receiver_private.jwk.json'), '--rate', '1000'], {
      OSD_RECEIVER_READ_TOKEN: READ_TOKEN,
    });
    publicText = readFileSync(join(dir, 'keys', 'receiver_public.jwk.json'), 'utf8');
  });
  afterAll(async () => {
    expect(await receiver?.stop()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('--generate-key wrote a 0600 private key and refuses to overwrite it', async () => {
    expect(statSync(join(dir, 'keys', 'receiver_private.jwk.json')).mode & 0o777).toBe(0o600);
    const again = await runReceiverCli(['--generate-key', '--out', join(dir, 'keys')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const usage = await runReceiverCli(['--port', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--port must be a whole number');
  });

  it('stores an encrypted report once, refuses a plain one and a JWE for another key', async () => {
    const encryptor = createReportEncryptor(JSON.parse(publicText));
    const text = JSON.stringify(sampleReport({ clusterUuid: 'http-a' }));
    expect(await postReport(receiver, await encryptor.encryptText(text))).toEqual({ status: 200, body: { outcome: 'stored', clusterUuid: 'http-a', timestamp: '2026-03-01T10:00:00.000Z' } });
    expect((await postReport(receiver, await encryptor.encryptText(text))).body.outcome).toBe('duplicate');

    const plain = await postReport(receiver, text, 'application/json');
    expect(plain.status).toBe(400);
    expect(plain.body.error).toMatch(/^this receiver accepts encrypted reports only/);
    const other = await createReceiverKeyPair({ modulusLength: 2048 });
    const foreign = await postReport(receiver, await createReportEncryptor(other.publicJwk as any).encryptText(text));
    expect(foreign).toEqual({ status: 400, body: { error: expect.stringContaining(`the JWE is encrypted to key "${other.publicJwk.kid}"`) } });
    expect((await read(receiver, '/api/fleet/summary')).body).toMatchObject({ deployments: 1, reports: 1, rejected: 0 });
  });

  it('answers every malformed request with a 4xx naming the problem, and keeps answering', async () => {
    const cases: Array<[Promise<{ status: number; body: any }>, number, string | RegExp]> = [
      [postReport(receiver, 'not a jwe'), 400, 'the body is not a compact JWE (five base64url parts separated by dots)'],
      [postReport(receiver, 'x', 'text/plain'), 415, 'content-type must be one of application/json, application/jose, got "text/plain"'],
      [postReport(receiver, 'a.b.c.d.e', 'application/jose', { 'osd-telemetry-version': 'v1' }), 400, 'header osd-telemetry-version must be "v2", got "v1"'],
      [post(`${receiver.url}/v2/reports`, 'a.b.c.d.e', { 'content-type': 'application/jose' }), 400, 'header osd-telemetry-version must be "v2", got null'],
      [postOversized(`${receiver.url}/v2/reports`, 17 * 1024 * 1024), 413, /^the body is larger than this route's limit of 16777216 bytes/],
      [post(`${receiver.url}/v2/opt_in_status`, '{', { ...SENDER_HEADERS, 'osd-telemetry-channel': 'opt_in_status', 'content-type': 'application/json' }), 400, /^the opt-in status is not valid JSON/],
      [post(`${receiver.url}/v2/opt_in_status`, '[{"cluster_uuid":"a","opt_in_status":true}]', { ...SENDER_HEADERS, 'osd-telemetry-channel': 'opt_in_status', 'content-type': 'application/json' }), 400, /^\[0\]: this receiver accepts encrypted reports only/],
      [post(`${receiver.url}/v2/import`, '{"format":"osd-telemetry-export","version":2,"reports":[]}', { 'content-type': 'application/json' }), 400, 'version must be 1, got 2'],
      [post(`${receiver.url}/v2/import`, '{"format":"osd-telemetry-export","version":1,"reports":[{"payloadEncoding":"xml","payload":""}]}', { 'content-type': 'application/json' }), 400, 'reports[0].payloadEncoding must be "json" or "jwe", got "xml"'],
      [read(receiver, '/api/fleet/rejected?limit=0'), 400, '[query.limit] must be a whole number from 1 to 500'],
      [read(receiver, '/api/fleet/rejected?sort=x'), 400, '[query.sort]: unknown parameter (limit, before)'],
    ];
    for (const [request, status, message] of cases) {
      const answer = await request;
      expect(answer.status).toBe(status);
      expect(answer.body.error).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    }
    expect((await read(receiver, '/api/fleet/summary')).status).toBe(200);
  });

  it('lets a browser sender post from another origin (CORS on the ingest routes only)', async () => {
    const preflight = await fetch(`${receiver.url}/v2/reports`, {
      method: 'OPTIONS',
      headers: { origin: 'https://dashboards.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,osd-telemetry-version' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, osd-version, osd-telemetry-version, osd-telemetry-channel');
    const refused = await fetch(`${receiver.url}/v2/reports`, { method: 'POST', headers: { ...SENDER_HEADERS, 'content-type': 'application/jose' }, body: 'x' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect((await read(receiver, '/api/fleet/summary')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('records encrypted opt-in status announcements', async () => {
    const encryptor = createReportEncryptor(JSON.parse(publicText));
    const body = JSON.stringify([await encryptor.encrypt({ cluster_uuid: 'optin-only', opt_in_status: true })]);
    const answer = await post(`${receiver.url}/v2/opt_in_status`, body, { ...SENDER_HEADERS, 'osd-telemetry-channel': 'opt_in_status', 'content-type': 'application/json' });
    expect(answer).toEqual({ status: 200, body: { recorded: 1 } });
    expect((await read(receiver, '/api/fleet/summary')).body).toMatchObject({ deployments: 1, optedIn: 2 });
  });

  it('the read side needs the bearer token (401 otherwise); the page charts the fleet without external assets', async () => {
    for (const token of [null, 'wrong-token-wrong-token']) {
      for (const path of ['/api/fleet/summary', '/api/fleet/rejected', '/']) {
        const answer = await read(receiver, path, token);
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="telemetry-fleet"');
      }
    }
    const page = await read(receiver, '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(page.text).toContain('<dd data-total="deployments">1</dd>');
    expect(page.text).toContain('Deployments reporting per day');
    // The ingest routes never ask for the token.
    expect((await postReport(receiver, 'bad')).status).toBe(400);
  });
});

describe('the receiver without a key, with a small rate budget', () => {
  let dir: string;
  let receiver: ReceiverProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-plain-'));
    receiver = await startReceiverProcess(['--data', dir, '--rate', '5'], { OSD_RECEIVER_READ_TOKEN: '' });
  });
  afterAll(async () => {
    await receiver?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes plain reports, keeps a tampered one aside naming the field, then answers 429 past the budget', async () => {
    const tampered: any = sampleReport({ clusterUuid: 'plain-a' });
    tampered.stack_stats.opensearch_dashboards.plugins.core.environment.hostname = 'db-7';
    const rejected = await postReport(receiver, JSON.stringify(tampered), 'application/json');
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ path: 'stack_stats.opensearch_dashboards.plugins.core.environment.hostname' });
    expect((await postReport(receiver, JSON.stringify(sampleReport()), 'application/json')).status).toBe(200);
    // Loopback client, no token configured: the read side answers.
    const list = await read(receiver, '/api/fleet/rejected', null);
    expect(list.body).toMatchObject({ total: 1, rejected: [{ clusterUuid: 'plain-a', path: 'stack_stats.opensearch_dashboards.plugins.core.environment.hostname' }] });
    expect(list.body.rejected[0].reason).toContain('undeclared field stack_stats.opensearch_dashboards.plugins.core.environment.hostname');

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postReport(receiver, '{}', 'application/json')).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    const limited = await post(`${receiver.url}/v2/reports`, '{}', { ...SENDER_HEADERS, 'content-type': 'application/json' });
    expect(limited.body.error).toMatch(/^more than 5 requests a minute from this address; retry in \d+ s$/);
    expect((await read(receiver, '/api/fleet/summary', null)).body).toMatchObject({ deployments: 1, reports: 1, rejected: 1 });
  });
});
