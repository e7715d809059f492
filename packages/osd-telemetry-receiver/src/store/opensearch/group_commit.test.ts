import type { BulkItemResult, BulkOperation } from './bulk';
import { createGroupCommit } from './group_commit';

const op = (id: string): BulkOperation => [{ create: { _index: 'telemetry-x', _id: id } }, { id }];
const idOf = (o: BulkOperation) => (o[0].create as { _id: string })._id;

/** A `_bulk` sender the test releases by hand; it answers each operation with a status derived from its id. */
function manualSender(statusOf: (id: string) => number = () => 201) {
  const requests: Array<{ operations: BulkOperation[]; release: () => void; fail: (e: Error) => void }> = [];
  const send = jest.fn(
    (operations: BulkOperation[]) =>
      new Promise<BulkItemResult[]>((resolve, reject) => {
        requests.push({ operations, release: () => resolve(operations.map((o) => ({ status: statusOf(idOf(o)) }))), fail: reject });
      })
  );
  return { send, requests };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('createGroupCommit', () => {
  it('sends the calls made while a request is in flight together, each caller getting its own results in order', async () => {
    const { send, requests } = manualSender((id) => (id.endsWith('dup') ? 409 : 201));
    const write = createGroupCommit(send);
    const first = write([op('a')]);
    const second = write([op('b1'), op('b2dup')]);
    const third = write([op('c')]);
    await flush();
    expect(requests.map((r) => r.operations.map(idOf))).toEqual([['a']]);
    requests[0].release();
    expect(await first).toEqual([{ status: 201 }]);
    await flush();
    expect(requests.map((r) => r.operations.map(idOf))).toEqual([['a'], ['b1', 'b2dup', 'c']]);
    requests[1].release();
    expect(await second).toEqual([{ status: 201 }, { status: 409 }]);
    expect(await third).toEqual([{ status: 201 }]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('rejects only the callers of a failed request; later calls go on', async () => {
    const { send, requests } = manualSender();
    const write = createGroupCommit(send);
    const first = write([op('a')]);
    const second = write([op('b')]);
    await flush();
    requests[0].fail(new Error('node down'));
    await expect(first).rejects.toThrow('node down');
    await flush();
    requests[1].release();
    expect(await second).toEqual([{ status: 201 }]);
    const third = write([op('c')]);
    await flush();
    requests[2].release();
    expect(await third).toEqual([{ status: 201 }]);
  });

  it('bounds a group by operations and by bytes, yet always sends a call that alone is over the bound', async () => {
    const { send, requests } = manualSender();
    const write = createGroupCommit(send, { maxOperations: 3, maxBytes: 100 });
    const calls = [write([op('x')]), write([op('a'), op('b')]), write([op('c')]), write([op('d')], 500), write([op('e')], 60), write([op('f')], 60)];
    for (let i = 0; i < 5; i++) {
      await flush();
      requests[requests.length - 1].release();
    }
    await Promise.all(calls);
    expect(requests.map((r) => r.operations.map(idOf))).toEqual([['x'], ['a', 'b', 'c'], ['d'], ['e'], ['f']]);
  });

  it('waits for calls on their way (expected) so that they share the request, never longer than maxWaitMs', async () => {
    const { send, requests } = manualSender();
    let onTheirWay = 2;
    const write = createGroupCommit(send, { expected: () => onTheirWay, maxWaitMs: 1000 });
    const first = write([op('a')]);
    await flush();
    expect(requests).toHaveLength(0);
    onTheirWay = 1;
    const second = write([op('b')]);
    await flush();
    expect(requests).toHaveLength(0);
    onTheirWay = 0;
    const third = write([op('c')]);
    await flush();
    expect(requests.map((r) => r.operations.map(idOf))).toEqual([['a', 'b', 'c']]);
    requests[0].release();
    expect(await Promise.all([first, second, third])).toEqual([[{ status: 201 }], [{ status: 201 }], [{ status: 201 }]]);

    const bounded = createGroupCommit(send, { expected: () => 5, maxWaitMs: 20 });
    const started = Date.now();
    const lone = bounded([op('d')]);
    await new Promise((r) => setTimeout(r, 60));
    expect(requests.map((r) => r.operations.map(idOf))).toEqual([['a', 'b', 'c'], ['d']]);
    requests[1].release();
    await lone;
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
