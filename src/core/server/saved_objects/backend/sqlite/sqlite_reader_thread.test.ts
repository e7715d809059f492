import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createRecordingLogger } from '../../../logging/logger.mock';
import { createTempDir } from '../../repository/test_utils';
import { SavedObjectsBackendError, type SavedObjectsBackendFindQuery, type SavedObjectsRawDoc } from '../types';
import { SqliteSavedObjectsBackend } from './sqlite_backend';
import { SCAN_SQL } from './sqlite_reads';

const doc = (id: string, count: number): SavedObjectsRawDoc => ({
  _id: `ui-metric:${id}`,
  _source: { type: 'ui-metric', 'ui-metric': { count, label: `label ${id}` }, references: [], updated_at: 'T' },
});

const findQuery = (extra: Partial<SavedObjectsBackendFindQuery> = {}): SavedObjectsBackendFindQuery => ({
  types: ['ui-metric'],
  defaultSearchOperator: 'OR',
  from: 0,
  size: 100,
  ...extra,
});

type ThreadHandle = { alive: boolean; caller: { worker: { terminate(): Promise<number> } } };

/** The reader thread, seen through the backend: the main connection's answers, off the event loop. */
describe('SqliteSavedObjectsBackend with its reader thread', () => {
  const temp = createTempDir();
  let n = 0;
  let file: string;
  let threaded: SqliteSavedObjectsBackend;
  let plain: SqliteSavedObjectsBackend;
  const lines: string[] = [];
  const logger = createRecordingLogger(lines);

  beforeEach(async () => {
    file = join(temp.dir, `reader-${n++}.sqlite`);
    threaded = new SqliteSavedObjectsBackend({ filePath: file, synchronous: 'NORMAL', readerThread: true, counterThread: true, logger });
    await threaded.open();
    plain = new SqliteSavedObjectsBackend({ filePath: file, synchronous: 'NORMAL' });
    await plain.open();
  });
  afterEach(async () => {
    await threaded.close();
    await plain.close();
  });
  afterAll(() => temp.cleanup());

  const thread = () => (threaded as unknown as { readerThread?: ThreadHandle }).readerThread;

  it('answers finds and scans exactly as the main connection does, and sees every acknowledged write', async () => {
    expect(thread()?.alive).toBe(true);
    await threaded.bulkCreate(Array.from({ length: 30 }, (_, i) => ({ doc: doc(`m${String(i).padStart(2, '0')}`, i), overwrite: false })));
    // Written by the counter thread, read by the reader thread: acknowledged means visible.
    await threaded.incrementCounters([{ id: 'ui-metric:m05', type: 'ui-metric', counterFieldName: 'count', incrementBy: 100, time: 'T2', upsert: doc('m05', 100)._source }]);

    for (const query of [findQuery(), findQuery({ search: 'label m1*', sortField: 'count', sortOrder: 'desc', from: 2, size: 5, fields: ['count'] })]) {
      expect(await threaded.find(query)).toEqual(await plain.find(query));
    }
    const scan = { type: 'ui-metric', cursor: 'ui-metric:m09', size: 4, fields: ['count'] };
    const page = await threaded.scan(scan);
    expect(page).toEqual(await plain.scan(scan));
    // The cursor is the last raw id while rows remain; the last page has none.
    expect(page.cursor).toBe('ui-metric:m13');
    expect((await threaded.scan({ ...scan, cursor: 'ui-metric:m25' })).cursor).toBeUndefined();
    expect(page.hits.map((h) => [h._id, h._source['ui-metric']])).toEqual([
      ['ui-metric:m10', { count: 10 }],
      ['ui-metric:m11', { count: 11 }],
      ['ui-metric:m12', { count: 12 }],
      ['ui-metric:m13', { count: 13 }],
    ]);
    expect((await threaded.scan({ type: 'ui-metric', size: 10 })).hits.find((h) => h._id === 'ui-metric:m05')?._source['ui-metric']).toEqual({ count: 105, label: 'label m05' });
  });

  it('aggregates on the thread exactly as the main connection does', async () => {
    await threaded.bulkCreate(Array.from({ length: 12 }, (_, i) => ({ doc: doc(`a${String(i).padStart(2, '0')}`, i), overwrite: false })));
    const query = { type: 'ui-metric', groupBy: ['label'], sum: ['count'], orderBy: { field: 'count', direction: 'desc' as const }, size: 3 };
    const rows = await threaded.aggregate(query);
    expect(rows).toEqual(await plain.aggregate(query));
    expect(rows).toEqual([
      { keys: { label: 'label a11' }, sums: { count: 11 }, docCount: 1 },
      { keys: { label: 'label a10' }, sums: { count: 10 }, docCount: 1 },
      { keys: { label: 'label a09' }, sums: { count: 9 }, docCount: 1 },
    ]);
    const bad = await threaded.aggregate({ ...query, size: 0 }).catch((e) => e);
    expect([bad.reason, bad.message]).toEqual(['bad_request', 'aggregate: [size] must be an integer from 1 to 10000, got 0']);
  });

  it('rejects with the backend error class', async () => {
    const error = await threaded.find(findQuery({ sortField: 'a..b' })).catch((e) => e);
    expect(error).toBeInstanceOf(SavedObjectsBackendError);
    expect(error.reason).toBe('bad_request');
    expect(error.message).toBe('Invalid field name [a..b]');
    const bad = await threaded.scan({ type: 'ui-metric', size: 0 }).catch((e) => e);
    expect(bad.reason).toBe('bad_request');
    expect(bad.message).toMatch(/\[size\] must be a positive integer/);
  });

  it('falls back to the main connection when the thread dies, and logs it', async () => {
    await threaded.create({ doc: doc('a', 1), overwrite: false });
    await thread()!.caller.worker.terminate();
    expect(thread()!.alive).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/^error the reader thread of sqlite:.* stopped/));
    expect((await threaded.find(findQuery())).total).toBe(1);
    expect((await threaded.scan({ type: 'ui-metric', size: 5 })).hits).toHaveLength(1);
  });

  it('reads a keyset page through the (type, raw_id) index: no full scan, no sort', () => {
    const db = new Database(file, { readonly: true });
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${SCAN_SQL}`)
        .all('ui-metric', '', 10)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
      expect(plan).toContain('USING INDEX saved_objects_type_raw (type=? AND raw_id>?)');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      db.close();
    }
  });
});
