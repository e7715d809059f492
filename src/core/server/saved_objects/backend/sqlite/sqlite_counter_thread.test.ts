import { join } from 'node:path';
import { createRecordingLogger } from '../../../logging/logger.mock';
import { createTempDir } from '../../repository/test_utils';
import { SavedObjectsBackendError } from '../types';
import { SqliteSavedObjectsBackend } from './sqlite_backend';

const op = (id: string, incrementBy = 1, counterFieldName = 'count') => ({
  id: `ui-metric:${id}`,
  type: 'ui-metric',
  counterFieldName,
  incrementBy,
  time: 'T',
  upsert: { type: 'ui-metric', 'ui-metric': { [counterFieldName]: incrementBy }, references: [], updated_at: 'T' },
});

/** The counter thread, seen through the backend: same results as in-process, off the event loop. */
describe('SqliteSavedObjectsBackend with its counter thread', () => {
  const temp = createTempDir();
  let n = 0;
  let file: string;
  let backend: SqliteSavedObjectsBackend;
  const lines: string[] = [];
  const logger = createRecordingLogger(lines);

  beforeEach(async () => {
    file = join(temp.dir, `thread-${n++}.sqlite`);
    backend = new SqliteSavedObjectsBackend({ filePath: file, counterThread: true, logger });
    await backend.open();
  });
  afterEach(() => backend.close());
  afterAll(() => temp.cleanup());

  const thread = () => (backend as unknown as { counterThread?: { alive: boolean; caller: { worker: { terminate(): Promise<number> } } } }).counterThread;

  it('commits on the thread; reads on the main connection see every acknowledged increment', async () => {
    expect(thread()?.alive).toBe(true);
    const docs = await backend.incrementCounters([op('a', 2), op('b'), op('a', 3)]);
    expect(docs.map((d) => [d._id, d._source['ui-metric'], d._seq_no])).toEqual([
      ['ui-metric:a', { count: 2 }, 0],
      ['ui-metric:b', { count: 1 }, 1],
      ['ui-metric:a', { count: 5 }, 2],
    ]);
    await Promise.all(Array.from({ length: 50 }, (_, i) => backend.incrementCounters([op('a', i % 2 === 0 ? 1 : 2)])));
    expect((await backend.get('ui-metric:a'))!._source['ui-metric']).toEqual({ count: 5 + 25 + 50 });
    expect(await backend.incrementCounters([op('b')], { returnDocs: false })).toEqual([]);
    expect((await backend.get('ui-metric:b'))!._source['ui-metric']).toEqual({ count: 2 });
  });

  it('rejects with the backend error class, and rolls the whole batch back', async () => {
    await backend.incrementCounters([op('a')]);
    await backend.create({ doc: { _id: 'ui-metric:text', _source: { type: 'ui-metric', 'ui-metric': { count: 'x' } } }, overwrite: false });
    const error = await backend.incrementCounters([op('a', 10), op('text')]).catch((e) => e);
    expect(error).toBeInstanceOf(SavedObjectsBackendError);
    expect(error.reason).toBe('bad_request');
    expect(error.id).toBe('ui-metric:text');
    expect((await backend.get('ui-metric:a'))!._source['ui-metric']).toEqual({ count: 1 });
  });

  it('finishes the increments already sent before close, so none is lost', async () => {
    const sent = Array.from({ length: 20 }, () => backend.incrementCounters([op('a', 1), op('b', 2)]));
    await backend.close();
    await Promise.all(sent);
    const reopened = new SqliteSavedObjectsBackend({ filePath: file });
    await reopened.open();
    expect((await reopened.get('ui-metric:a'))!._source['ui-metric']).toEqual({ count: 20 });
    expect((await reopened.get('ui-metric:b'))!._source['ui-metric']).toEqual({ count: 40 });
    await reopened.close();
  });

  it('falls back to the main connection when the thread dies, and logs it', async () => {
    await backend.incrementCounters([op('a')]);
    await thread()!.caller.worker.terminate();
    expect(thread()!.alive).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/^error the counter thread of sqlite:.* stopped/));
    await backend.incrementCounters([op('a', 4)]);
    expect((await backend.get('ui-metric:a'))!._source['ui-metric']).toEqual({ count: 5 });
  });
});
