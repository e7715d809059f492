import { createHash } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SavedObjectsClient, SavedObjectsService, createSqliteBackendFactory } from '../../../../core/server';
import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { createReportLedger, type LedgerClient } from './report_ledger';
import { selectExpired, TRIM_BATCH } from './retention';
import { REPORT_PAYLOAD_TYPE, REPORT_TYPE, reportPayloadSavedObjectType, reportSavedObjectType } from './saved_object_types';
import type { NewReport } from './types';

const T0 = Date.parse('2024-03-01T12:00:00Z');
const report = (n: number, overrides: Partial<NewReport> = {}): NewReport => ({
  plaintext: JSON.stringify({ cluster_uuid: 'c1', n }),
  generatedAt: T0 + n * 1000,
  status: 'sent',
  level: 'full',
  destination: 'http://127.0.0.1:9/send',
  clusterUuid: 'c1',
  encrypted: false,
  trigger: 'schedule',
  ...overrides,
});

/** The real saved-objects service on SQLite in a temp folder, with the ledger's two types. */
async function startStore() {
  const dataPath = mkdtempSync(join(tmpdir(), 'telemetry-ledger-test-'));
  const service = new SavedObjectsService({
    logger: createLoggerMock(),
    dataPath,
    backendFactory: createSqliteBackendFactory({ synchronous: 'NORMAL', counterThread: false }),
  });
  const setup = service.setup();
  [reportSavedObjectType, reportPayloadSavedObjectType].forEach((type) => setup.registerType(type));
  const start = await service.start();
  const client = new SavedObjectsClient(start.createInternalRepository([REPORT_TYPE, REPORT_PAYLOAD_TYPE]));
  return { client, close: async () => (await service.stop(), rmSync(dataPath, { recursive: true, force: true })) };
}

describe('selectExpired', () => {
  const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }));
  it('keeps the newest maxReports and drops the rest, at most a batch at a time', () => {
    expect(selectExpired(entries(3), 3)).toEqual([]);
    expect(selectExpired(entries(5), 3)).toEqual(['r3', 'r4']);
    expect(selectExpired(entries(10), 2, 3)).toEqual(['r2', 'r3', 'r4']);
    expect(TRIM_BATCH).toBe(100);
  });
});

describe('createReportLedger (SQLite store)', () => {
  let store: Awaited<ReturnType<typeof startStore>>;
  let client: jest.Mocked<LedgerClient>;
  beforeEach(async () => {
    store = await startStore();
    // Spied, to see which documents each call reads.
    client = {
      bulkCreate: jest.fn((...args: Parameters<LedgerClient['bulkCreate']>) => store.client.bulkCreate(...args)),
      bulkGet: jest.fn((...args: Parameters<LedgerClient['bulkGet']>) => store.client.bulkGet(...args)),
      find: jest.fn((...args: Parameters<LedgerClient['find']>) => store.client.find(...args)),
      get: jest.fn((...args: Parameters<LedgerClient['get']>) => store.client.get(...args)),
      delete: jest.fn((...args: Parameters<LedgerClient['delete']>) => store.client.delete(...args)),
    } as any;
  });
  afterEach(() => store.close());
  const ledgerOf = (maxReports: number) => createReportLedger({ logger: createLoggerMock(), getClient: () => client, maxReports });
  const count = async (type: string) => (await store.client.find({ type, perPage: 0 })).total;

  it('records the metadata and the exact payload, hashed, under one id', async () => {
    const ledger = ledgerOf(30);
    const plaintext = JSON.stringify({ cluster_uuid: 'c1', text: 'é ✓ "quoted" \\ slash', n: 1.5 });
    const entry = await ledger.record(report(1, { plaintext, encrypted: true, error: undefined }));
    expect(entry).toEqual({
      id: expect.stringMatching(/^[a-z0-9]+-[0-9a-f]{8}$/),
      generatedAt: '2024-03-01T12:00:01.000Z',
      status: 'sent',
      level: 'full',
      destination: 'http://127.0.0.1:9/send',
      sizeBytes: Buffer.byteLength(plaintext),
      sha256: createHash('sha256').update(Buffer.from(plaintext, 'utf8')).digest('hex'),
      clusterUuid: 'c1',
      encrypted: true,
      trigger: 'schedule',
    });
    expect(await ledger.get(entry.id)).toEqual(entry);
    expect(await ledger.getPayload(entry.id)).toBe(plaintext);
    expect(await ledger.list()).toEqual([entry]);
    expect(await ledger.get('nope')).toBeUndefined();
    expect(await ledger.getPayload('nope')).toBeUndefined();
  });

  it('keeps maxReports, newest first, deleting the oldest entries and their payloads after each insert', async () => {
    const ledger = ledgerOf(3);
    const entries = [];
    for (let n = 1; n <= 5; n++) entries.push(await ledger.record(report(n)));
    expect((await ledger.list()).map((e) => e.id)).toEqual([entries[4].id, entries[3].id, entries[2].id]);
    expect(await ledger.get(entries[0].id)).toBeUndefined();
    expect(await ledger.getPayload(entries[1].id)).toBeUndefined();
    expect([await count(REPORT_TYPE), await count(REPORT_PAYLOAD_TYPE)]).toEqual([3, 3]);
  });

  it('trims what a lowered maxReports leaves over at the next insert', async () => {
    for (let n = 1; n <= 6; n++) await ledgerOf(10).record(report(n));
    const newest = await ledgerOf(2).record(report(7));
    expect((await ledgerOf(10).list()).map((e) => e.id)).toEqual([newest.id, expect.any(String)]);
    expect(await count(REPORT_PAYLOAD_TYPE)).toBe(2);
  });

  it('never reads a payload to list, trim or find the previous entry', async () => {
    const ledger = ledgerOf(2);
    const big = JSON.stringify({ cluster_uuid: 'c1', blob: 'x'.repeat(1024 * 1024) });
    for (let n = 1; n <= 3; n++) await ledger.record(report(n, { plaintext: big }));
    const [latest] = await ledger.list();
    await ledger.previousOf(latest);
    expect(client.find.mock.calls.every(([options]) => options.type === REPORT_TYPE)).toBe(true);
    expect(client.get).not.toHaveBeenCalled();
    expect(await ledger.getPayload(latest.id)).toBe(big);
  });

  it('finds the previous entry of the same cluster, and several entries by id', async () => {
    const ledger = ledgerOf(30);
    const a1 = await ledger.record(report(1));
    const b1 = await ledger.record(report(2, { clusterUuid: 'c2' }));
    const a2 = await ledger.record(report(3));
    expect((await ledger.previousOf(a2))?.id).toBe(a1.id);
    expect(await ledger.previousOf(b1)).toBeUndefined();
    expect(await ledger.previousOf(a1)).toBeUndefined();
    expect(await ledger.getMany([a2.id, 'missing-1', a1.id])).toEqual({ entries: [a2, a1], missing: ['missing-1'] });
  });

  it('removes the entry and rejects when the payload cannot be stored', async () => {
    const ledger = ledgerOf(30);
    client.bulkCreate.mockImplementationOnce(async (objects) => {
      const result = await store.client.bulkCreate([objects[0]]);
      return { saved_objects: [...result.saved_objects, { ...objects[1], id: objects[1].id!, references: [], error: { statusCode: 400, error: 'Bad Request', message: 'too big' } }] };
    });
    await expect(ledger.record(report(1))).rejects.toThrow('could not store the payload: too big');
    expect(await count(REPORT_TYPE)).toBe(0);
  });

  it('cannot be used before the server has started', async () => {
    const ledger = createReportLedger({ logger: createLoggerMock(), getClient: () => undefined, maxReports: 1 });
    await expect(ledger.list()).rejects.toThrow('before the server has started');
  });
});
