import { SavedObjectsBackendError, type SavedObjectsBackendCounterOperation, type SavedObjectsStoredDoc } from '../types';
import { CounterGroupCommit, MAX_GROUP_SIZE } from './counter_group_commit';
import type { CounterItemResult } from './opensearch_counters';

const op = (id: string, incrementBy = 1): SavedObjectsBackendCounterOperation => ({
  id,
  type: 't',
  counterFieldName: 'n',
  incrementBy,
  time: 'now',
  upsert: { type: 't' },
});

/** A fake `_bulk` that keeps counters in memory, answering when released. */
function fakeStore() {
  const counters = new Map<string, number>();
  const calls: string[][] = [];
  const gates: Array<() => void> = [];
  let seqNo = 0;
  const send = async (ops: SavedObjectsBackendCounterOperation[]): Promise<CounterItemResult[]> => {
    calls.push(ops.map((o) => `${o.id}+${o.incrementBy}`));
    await new Promise<void>((resolve) => gates.push(resolve));
    return ops.map((o) => {
      if (o.incrementBy < 0) {
        return { ok: false, error: SavedObjectsBackendError.badRequest('negative', o.id) };
      }
      counters.set(o.id, (counters.get(o.id) ?? 0) + o.incrementBy);
      const doc: SavedObjectsStoredDoc = { _id: o.id, _source: { type: 't', t: { n: counters.get(o.id) } }, _seq_no: seqNo++, _primary_term: 1 };
      return { ok: true, doc };
    });
  };
  const releaseAll = async () => {
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { send, calls, releaseAll, counters };
}

describe('CounterGroupCommit', () => {
  it('sends an increment at once when idle, and those arriving meanwhile as one batch, in order', async () => {
    const store = fakeStore();
    const group = new CounterGroupCommit(store.send);
    const results = [group.run(op('a')), group.run(op('a', 2)), group.run(op('b')), group.run(op('a', 3))];
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls).toEqual([['a+1']]);
    await store.releaseAll();
    const docs = await Promise.all(results);
    expect(store.calls).toEqual([['a+1'], ['a+2', 'b+1', 'a+3']]);
    // Each caller gets the document as its own increment left it.
    expect(docs.map((d) => (d._source.t as { n: number }).n)).toEqual([1, 3, 1, 6]);
    expect(store.counters.get('a')).toBe(6);
    // Idle again: the next increment goes out alone.
    const later = group.run(op('c'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.calls[store.calls.length - 1]).toEqual(['c+1']);
    await store.releaseAll();
    await later;
  });

  it('caps a batch, leaving the rest for the next one', async () => {
    const store = fakeStore();
    const group = new CounterGroupCommit(store.send);
    const all = Array.from({ length: MAX_GROUP_SIZE + 11 }, (_, i) => group.run(op(`k${i}`)));
    await store.releaseAll();
    await Promise.all(all);
    expect(store.calls.map((c) => c.length)).toEqual([1, MAX_GROUP_SIZE, 10]);
  });

  it('rejects only the callers whose item failed, and every caller of a failed request', async () => {
    const store = fakeStore();
    const group = new CounterGroupCommit(store.send);
    const first = group.run(op('a'));
    const bad = group.run(op('a', -1)).catch((error: Error) => error);
    const good = group.run(op('a', 5));
    await store.releaseAll();
    await expect(first).resolves.toMatchObject({ _id: 'a' });
    expect(await bad).toMatchObject({ reason: 'bad_request', message: 'negative' });
    await expect(good).resolves.toMatchObject({ _source: { t: { n: 6 } } });

    const broken = new CounterGroupCommit(async () => {
      throw SavedObjectsBackendError.unavailable('down');
    });
    await expect(Promise.all([broken.run(op('x')), broken.run(op('x'))])).rejects.toThrow('down');
    // Idle again afterwards: the next call is sent (and fails) on its own.
    await expect(broken.run(op('x'))).rejects.toThrow('down');
  });
});
