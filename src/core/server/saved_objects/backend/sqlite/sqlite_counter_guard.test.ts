import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createTempDir } from '../../repository/test_utils';
import { SavedObjectsBackendError } from '../types';
import { SqliteSavedObjectsBackend } from './sqlite_backend';

const MAX = Number.MAX_SAFE_INTEGER;

const op = (id: string, incrementBy: number) => ({
  id: `ui-metric:${id}`,
  type: 'ui-metric',
  counterFieldName: 'count',
  incrementBy,
  time: 'T',
  upsert: { type: 'ui-metric', 'ui-metric': { count: incrementBy }, references: [], updated_at: 'T' },
});

/**
 * The counter policy against values only raw SQL can store (what an older server or a hand edit may have
 * left): the SQL fast path must leave them to the general path, which refuses them; integral reals count.
 */
describe('SQLite counter guard on stored values', () => {
  const temp = createTempDir();
  let n = 0;
  let file: string;
  let backend: SqliteSavedObjectsBackend;
  let raw: Database.Database;

  beforeEach(async () => {
    file = join(temp.dir, `guard-${n++}.sqlite`);
    backend = new SqliteSavedObjectsBackend({ filePath: file, synchronous: 'NORMAL' });
    await backend.open();
    raw = new Database(file);
  });
  afterEach(async () => {
    raw.close();
    await backend.close();
  });
  afterAll(() => temp.cleanup());

  /** Stores `count` as the literal JSON text given. */
  async function storeLiteral(id: string, countJson: string) {
    await backend.incrementCounters([op(id, 1)]);
    raw.prepare(`UPDATE saved_objects SET attributes = '{"count":' || ? || '}' WHERE raw_id = ?`).run(countJson, `ui-metric:${id}`);
  }

  const error = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as SavedObjectsBackendError);
  const count = async (id: string) => (await backend.get(`ui-metric:${id}`))!._source['ui-metric'];

  it('refuses values beyond the safe range, however SQLite holds them, and changes nothing', async () => {
    await storeLiteral('int64', '9223372036854775807');
    await storeLiteral('huge', '1e300');
    await storeLiteral('infinite', '9e999');
    await storeLiteral('edge', String(MAX));
    for (const id of ['int64', 'huge', 'infinite']) {
      const refused = await error(backend.incrementCounters([op('edge', -1), op(id, 1)]));
      expect(refused).toBeInstanceOf(SavedObjectsBackendError);
      expect(refused?.reason).toBe('bad_request');
      expect(refused?.message).toMatch(new RegExp(`Cannot increment \\[count\\] of \\[ui-metric:${id}\\]: it holds .*, not a safe integer`));
    }
    // A one-element batch takes the same route; the int64 overflow of the SQL sum is refused too.
    expect((await error(backend.incrementCounters([op('int64', -1)])))?.reason).toBe('bad_request');
    expect((await error(backend.incrementCounters([op('edge', 1)])))?.message).toMatch(/the sum would pass the safe integer range/);
    expect(await count('edge')).toEqual({ count: MAX });
    expect(raw.prepare("SELECT attributes FROM saved_objects WHERE raw_id = 'ui-metric:int64'").pluck().get()).toBe('{"count":9223372036854775807}');
  });

  it('adds to an integral real (5.0) and stores the sum as a JSON integer; refuses a fraction', async () => {
    await storeLiteral('whole', '5.0');
    await storeLiteral('fraction', '2.5');
    await backend.incrementCounters([op('whole', 2)]);
    expect(raw.prepare("SELECT attributes FROM saved_objects WHERE raw_id = 'ui-metric:whole'").pluck().get()).toBe('{"count":7}');
    expect((await error(backend.incrementCounters([op('fraction', 1)])))?.message).toMatch(/it holds 2.5, not a safe integer/);
    expect(await count('fraction')).toEqual({ count: 2.5 });
  });

  it('refuses an increment that is not a safe integer before any SQL, even from a direct backend caller', async () => {
    await storeLiteral('a', '1');
    for (const by of [0.5, NaN, MAX + 1]) {
      expect((await error(backend.incrementCounters([op('a', 1), op('a', by)])))?.message).toMatch(/the increment .* is not a safe integer/);
    }
    expect(await count('a')).toEqual({ count: 1 });
  });
});
