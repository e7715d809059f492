import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir } from '../../repository/test_utils';
import { SavedObjectsBackendError, type SavedObjectsRawDoc } from '../types';
import { SqliteSavedObjectsBackend } from './sqlite_backend';

const doc = (id: string, attributes: Record<string, unknown> = {}, extra = {}): SavedObjectsRawDoc => ({
  _id: `dashboard:${id}`,
  _source: { type: 'dashboard', dashboard: attributes, references: [], ...extra },
});

async function reason(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e) => e
  );
  expect(error).toBeInstanceOf(SavedObjectsBackendError);
  return (error as SavedObjectsBackendError).reason;
}

describe('SqliteSavedObjectsBackend', () => {
  const temp = createTempDir();
  let n = 0;
  let file: string;
  let backend: SqliteSavedObjectsBackend;

  beforeEach(async () => {
    file = join(temp.dir, `backend-${n++}.sqlite`);
    backend = new SqliteSavedObjectsBackend({ filePath: file });
    await backend.open();
  });
  afterEach(() => backend.close());
  afterAll(() => temp.cleanup());

  it('creates the file in WAL mode with synchronous=FULL by default', async () => {
    expect(existsSync(file)).toBe(true);
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(probe.pragma('user_version', { simple: true })).toBe(1);
    probe.close();
    const db = (backend as unknown as { connection: { db: Database.Database } }).connection.db;
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(backend.description).toBe(`sqlite:${file}`);
    await backend.open(); // idempotent
  });

  it('round-trips OpenSearch-shaped documents with growing seq_no and primary term 1', async () => {
    const a = await backend.create({ doc: doc('a', { title: 'A' }, { updated_at: 'T' }), overwrite: false });
    const b = await backend.create({ doc: doc('b'), overwrite: false });
    expect(a).toEqual({
      _id: 'dashboard:a',
      _source: { type: 'dashboard', dashboard: { title: 'A' }, references: [], updated_at: 'T' },
      _seq_no: 0,
      _primary_term: 1,
    });
    expect(b._seq_no).toBe(1);
    expect(await backend.get('dashboard:a')).toEqual(a);
    expect(await backend.mget(['dashboard:b', 'dashboard:none', 'dashboard:a'])).toEqual([b, undefined, a]);
  });

  it('persists documents and the seq_no counter across close and reopen', async () => {
    await backend.create({ doc: doc('a', { n: 1 }), overwrite: false });
    await backend.delete('dashboard:a');
    const kept = await backend.create({ doc: doc('b', { n: 2 }), overwrite: false });
    await backend.close();

    backend = new SqliteSavedObjectsBackend({ filePath: file });
    await backend.open();
    expect(await backend.get('dashboard:b')).toEqual(kept);
    const next = await backend.create({ doc: doc('a'), overwrite: false });
    expect(next._seq_no).toBeGreaterThan(kept._seq_no);
  });

  it('create: conflict on existing ids unless overwrite; conditional overwrite checks the version', async () => {
    const first = await backend.create({ doc: doc('a', { v: 1 }), overwrite: false });
    expect(await reason(backend.create({ doc: doc('a'), overwrite: false }))).toBe('conflict');
    const second = await backend.create({ doc: doc('a', { v: 2 }), overwrite: true });
    expect(second._source.dashboard).toEqual({ v: 2 });
    expect(
      await reason(backend.create({ doc: doc('a'), overwrite: true, ifSeqNo: first._seq_no, ifPrimaryTerm: 1 }))
    ).toBe('conflict');
    expect(
      await reason(backend.create({ doc: doc('zz'), overwrite: true, ifSeqNo: 0, ifPrimaryTerm: 1 }))
    ).toBe('conflict');
    await expect(
      backend.create({ doc: doc('a', { v: 3 }), overwrite: true, ifSeqNo: second._seq_no, ifPrimaryTerm: 1 })
    ).resolves.toMatchObject({ _source: { dashboard: { v: 3 } } });
  });

  it('bulkCreate reports failures per item without undoing the others', async () => {
    await backend.create({ doc: doc('taken'), overwrite: false });
    const results = await backend.bulkCreate([
      { doc: doc('x'), overwrite: false },
      { doc: doc('taken'), overwrite: false },
      { doc: { _id: 'bad', _source: {} as never }, overwrite: false },
      { doc: doc('y'), overwrite: false },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.reason))).toEqual(['ok', 'conflict', 'bad_request', 'ok']);
    expect(await backend.get('dashboard:y')).toBeDefined();
  });

  it('update merges partially and checks versions; delete checks existence and versions', async () => {
    const created = await backend.create({ doc: doc('a', { t: 1, o: { x: 1 } }), overwrite: false });
    const updated = await backend.update('dashboard:a', { dashboard: { o: { y: 2 } }, updated_at: 'U' });
    expect(updated._source).toMatchObject({ dashboard: { t: 1, o: { x: 1, y: 2 } }, updated_at: 'U' });
    expect(await reason(backend.update('dashboard:a', {}, { ifSeqNo: created._seq_no, ifPrimaryTerm: 1 }))).toBe(
      'conflict'
    );
    expect(await reason(backend.update('dashboard:none', {}))).toBe('not_found');
    expect(await reason(backend.delete('dashboard:a', { ifSeqNo: created._seq_no }))).toBe('conflict');
    await backend.delete('dashboard:a', { ifSeqNo: updated._seq_no, ifPrimaryTerm: 1 });
    expect(await reason(backend.delete('dashboard:a'))).toBe('not_found');
  });

  it('incrementCounters rolls the whole batch back when one operation fails', async () => {
    const op = (id: string, incrementBy = 1) => ({
      id: `ui-metric:${id}`,
      type: 'ui-metric',
      counterFieldName: 'count',
      incrementBy,
      time: 'T',
      upsert: { type: 'ui-metric', 'ui-metric': { count: incrementBy }, references: [], updated_at: 'T' },
    });
    await backend.incrementCounters([op('a', 2), op('a', 3)]);
    await backend.create({
      doc: { _id: 'ui-metric:text', _source: { type: 'ui-metric', 'ui-metric': { count: 'x' } } },
      overwrite: false,
    });
    expect(await reason(backend.incrementCounters([op('a', 10), op('b'), op('text')]))).toBe('bad_request');
    expect((await backend.get('ui-metric:a'))!._source['ui-metric']).toEqual({ count: 5 });
    expect(await backend.get('ui-metric:b')).toBeUndefined();
  });

  it('raises existing counters in SQL (whole numbers stay whole) and takes the general path for the rest', async () => {
    const op = (id: string, counterFieldName: string, incrementBy: number, time = 'T1') => ({
      id: `ui-metric:${id}`,
      type: 'ui-metric',
      counterFieldName,
      incrementBy,
      time,
      upsert: { type: 'ui-metric', 'ui-metric': { [counterFieldName]: incrementBy }, references: [], updated_at: time },
    });
    await backend.incrementCounters([op('a', 'count', 2), op('b', 'a.b', 1), op('c', 'say "hi"', 1)]);
    const docs = await backend.incrementCounters(
      [op('a', 'count', 3, 'T2'), op('a', 'other', 1, 'T2'), op('b', 'a.b', 4, 'T2'), op('c', 'say "hi"', 2, 'T2'), op('a', 'count', 1, 'T2')],
      { returnDocs: true }
    );
    expect(docs.map((d) => d._source['ui-metric'])).toEqual([
      { count: 5 },
      { count: 5, other: 1 },
      { 'a.b': 5 },
      { 'say "hi"': 3 },
      { count: 6, other: 1 },
    ]);
    expect(docs.map((d) => d._source.updated_at)).toEqual(['T2', 'T2', 'T2', 'T2', 'T2']);
    expect(docs.map((d) => d._seq_no)).toEqual([3, 4, 5, 6, 7]);
    // What is stored matches what came back, and a whole counter is stored as a JSON integer.
    expect(await backend.get('ui-metric:a')).toEqual({ ...docs[4], _source: { ...docs[4]._source } });
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT attributes, updated_at FROM saved_objects WHERE raw_id = 'ui-metric:a'").get()).toEqual({
      attributes: '{"count":6,"other":1}',
      updated_at: 'T2',
    });
    raw.close();
    // A caller that ignores the documents gets none, and the increments are stored all the same.
    expect(await backend.incrementCounters([op('a', 'count', 4)], { returnDocs: false })).toEqual([]);
    expect((await backend.get('ui-metric:a'))!._source['ui-metric']).toEqual({ count: 10, other: 1 });
  });

  it('is unavailable before open and after close', async () => {
    const closed = new SqliteSavedObjectsBackend({ filePath: join(temp.dir, 'never.sqlite') });
    expect(await reason(closed.get('x'))).toBe('unavailable');
    await backend.close();
    expect(await reason(backend.create({ doc: doc('a'), overwrite: false }))).toBe('unavailable');
  });

  it('waits for a lock held elsewhere without blocking the event loop, then gives up as unavailable', async () => {
    const other = new Database(file, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      const waiting = backend.create({ doc: doc('waited'), overwrite: false });
      let ticksWhileWaiting = 0;
      setTimeout(() => {
        ticksWhileWaiting = ticks;
        other.exec('COMMIT');
      }, 150);
      await expect(waiting).resolves.toMatchObject({ _id: 'dashboard:waited' });
      // Timers kept running while the write waited for the lock (a blocking wait would allow none, and the
      // lock would never be released). Only a lower bound: a loaded 2-core CI machine runs few 5 ms ticks.
      expect(ticksWhileWaiting).toBeGreaterThanOrEqual(2);

      const impatient = new SqliteSavedObjectsBackend({ filePath: file, busyTimeoutMs: 100 });
      await impatient.open();
      other.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      expect(await reason(impatient.create({ doc: doc('never'), overwrite: false }))).toBe('unavailable');
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      // Reads are not blocked by a writer (WAL).
      expect(await impatient.get('dashboard:waited')).toBeDefined();
      other.exec('ROLLBACK');
      await impatient.close();
    } finally {
      clearInterval(ticker);
      other.close();
    }
  });

  it('refuses a file written by a newer schema', async () => {
    await backend.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const newer = new SqliteSavedObjectsBackend({ filePath: file });
    await expect(newer.open()).rejects.toThrow(/schema version 99, newer than this server's 1/);
  });
});
