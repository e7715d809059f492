import { createHash } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createReportEncryptor } from '../../../../src/plugins/telemetry_collection_manager/server/encryption/encrypt';
import { sampleReport } from '../__test_utils__/sample_report';
import { createReportDecryptor, IntakeError, type ReportDecryptor } from '../keys/decrypt';
import { createIntakeGauge } from './intake_gauge';
import { createReceiverKeyPair, type ReceiverKeyPair } from '../keys/generate_key';
import { openSqliteStore } from '../store/sqlite_store';
import type { FleetStore } from '../store/types';
import { buildReportSchema, loadCollectorSchemas } from '../validation/report_schema';
import { intakeReport, type IntakeDeps } from './intake';
import { encodingOf, refuseEncoding } from './intake_policy';

describe('the intake policy', () => {
  it('with a key only JWEs, without one only plain JSON', () => {
    expect(refuseEncoding('jwe', true)).toBeUndefined();
    expect(refuseEncoding('json', false)).toBeUndefined();
    expect(refuseEncoding('json', true)).toMatch(/^this receiver accepts encrypted reports only/);
    expect(refuseEncoding('jwe', false)).toMatch(/^this receiver holds no private key/);
    expect(encodingOf('application/jose')).toBe('jwe');
    expect(encodingOf('Application/JOSE; charset=utf-8')).toBe('jwe');
    expect(encodingOf('application/json')).toBe('json');
    expect(encodingOf(undefined)).toBe('json');
  });
});

describe('intakeReport', () => {
  const collectorSchemas = loadCollectorSchemas() as any;
  const reportSchema = buildReportSchema(collectorSchemas);
  let dir: string;
  let store: FleetStore;
  let pair: ReceiverKeyPair;
  let other: ReceiverKeyPair;
  let decryptor: ReportDecryptor;
  beforeAll(async () => {
    [pair, other] = await Promise.all([createReceiverKeyPair({ modulusLength: 2048 }), createReceiverKeyPair({ modulusLength: 2048 })]);
    decryptor = await createReportDecryptor(pair.privateJwk, { workers: 1 });
  });
  afterAll(() => decryptor.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-intake-'));
    store = openSqliteStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps = async (withKey: boolean): Promise<IntakeDeps> => ({
    store,
    reportSchema,
    collectorSchemas,
    decryptor: withKey ? decryptor : undefined,
    now: () => Date.parse('2026-03-01T12:00:00Z'),
  });
  const expectRefusal = async (promise: Promise<unknown>, message: RegExp | string) => {
    const error = await promise.then(() => undefined, (e) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect(error.message).toMatch(message);
  };

  it('decrypts, validates and stores an encrypted report once; the resent JWE (fresh encryption) is a duplicate', async () => {
    const d = await deps(true);
    const text = JSON.stringify(sampleReport());
    const encryptor = createReportEncryptor(pair.publicJwk as any);
    expect(await intakeReport(await encryptor.encryptText(text), 'jwe', 'http', d)).toEqual({ outcome: 'stored', clusterUuid: 'cluster-a', timestamp: '2026-03-01T10:00:00.000Z' });
    expect((await intakeReport(await encryptor.encryptText(text), 'jwe', 'http', d)).outcome).toBe('duplicate');
    const summary = await store.summary({});
    expect(summary).toMatchObject({ deployments: 1, reports: 1, optedIn: 1 });
    expect(summary.collectors.opensearchDashboards).toMatchObject({ reports: 1, fieldsSeen: 5 });
    expect(summary.collectors.application_usage).toMatchObject({ fieldsSeen: 2 });
  });

  it('with a key refuses plain reports and JWEs for another kid; without one refuses JWEs', async () => {
    const withKey = await deps(true);
    await expectRefusal(intakeReport(JSON.stringify(sampleReport()), 'json', 'http', withKey), /accepts encrypted reports only/);
    const foreign = await createReportEncryptor(other.publicJwk as any).encryptText(JSON.stringify(sampleReport()));
    await expectRefusal(intakeReport(foreign, 'jwe', 'http', withKey), `the JWE is encrypted to key "${other.publicJwk.kid}"`);
    await expectRefusal(intakeReport(foreign, 'jwe', 'http', await deps(false)), /holds no private key/);
    expect(await store.summary({})).toMatchObject({ reports: 0, rejected: 0 });
  });

  it('keeps an undeclared field aside as rejected (once), never in the fleet figures', async () => {
    const d = await deps(false);
    const tampered: any = sampleReport();
    tampered.stack_stats.opensearch_dashboards.plugins.csp.extra = 1;
    const result = await intakeReport(JSON.stringify(tampered), 'json', 'http', d);
    expect(result).toMatchObject({ outcome: 'rejected', path: 'stack_stats.opensearch_dashboards.plugins.csp.extra' });
    expect((await intakeReport(JSON.stringify(tampered), 'json', 'http', d)).outcome).toBe('duplicate_rejected');
    expect(await store.summary({})).toMatchObject({ deployments: 0, reports: 0, rejected: 1 });
  });

  it('refuses bad JSON, a non-report and a payload whose sha256 does not match', async () => {
    const d = await deps(false);
    await expectRefusal(intakeReport('{"a":', 'json', 'http', d), /^the report is not valid JSON: /);
    await expectRefusal(intakeReport('[1,2]', 'json', 'http', d), 'not a telemetry report: a report must be a JSON object');
    const text = JSON.stringify(sampleReport());
    await expectRefusal(intakeReport(text, 'json', 'import', d, '0'.repeat(64)), 'the payload does not match its sha256');
    const sha = createHash('sha256').update(text).digest('hex');
    expect((await intakeReport(text, 'json', 'import', d, sha)).outcome).toBe('stored');
  });

  it('counts a report in the gauge until it reaches the store, and not after a refusal', async () => {
    const gauge = createIntakeGauge();
    const seen: number[] = [];
    const watched: FleetStore = { ...store, addReport: async (r) => (seen.push(gauge.inProgress), store.addReport(r)) };
    const d = { ...(await deps(true)), store: watched, gauge };
    const pending = intakeReport(await createReportEncryptor(pair.publicJwk as any).encryptText(JSON.stringify(sampleReport())), 'jwe', 'http', d);
    expect(gauge.inProgress).toBe(1);
    expect((await pending).outcome).toBe('stored');
    expect(seen).toEqual([0]);
    await expect(intakeReport('not json', 'json', 'http', { ...d, decryptor: undefined })).rejects.toThrow(IntakeError);
    expect(gauge.inProgress).toBe(0);
  });
});
