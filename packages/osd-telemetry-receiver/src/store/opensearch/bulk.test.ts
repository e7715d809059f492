import { bulkWithRetries, expectItem, type BulkOperation } from './bulk';

const op = (id: string): BulkOperation => [{ create: { _index: 'telemetry-x', _id: id } }, { id }];
const item = (status: number) => ({ create: { status, ...(status >= 300 ? { error: { type: `t${status}`, reason: `r${status}` } } : {}) } });

/** A client whose `_bulk` answers from a script: an array of items, or an error to throw. */
function fakeClient(script: Array<unknown[] | Error>) {
  const calls: unknown[][] = [];
  return {
    calls,
    client: {
      bulk: jest.fn(async ({ body }: { body: unknown[] }) => {
        calls.push(body);
        const next = script.shift();
        if (next instanceof Error) throw next;
        return { body: { items: next } };
      }),
    } as any,
  };
}
const noSleep = { sleep: async () => {} };

describe('bulkWithRetries', () => {
  it('re-sends only the items that failed retryably, keeping the results in order', async () => {
    const { client, calls } = fakeClient([[item(201), item(429), item(409)], [item(201)]]);
    expect(await bulkWithRetries(client, [op('a'), op('b'), op('c')], noSleep)).toEqual([
      { status: 201 },
      { status: 201 },
      { status: 409, error: { type: 't409', reason: 'r409' } },
    ]);
    expect(calls[1]).toEqual(op('b'));
  });

  it('retries a whole request that failed on the connection or with a 5xx, then gives up with the error', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { meta: { statusCode: undefined } });
    const { client } = fakeClient([down, [item(201)]]);
    expect(await bulkWithRetries(client, [op('a')], noSleep)).toEqual([{ status: 201 }]);

    const unavailable = Object.assign(new Error('unavailable'), { meta: { statusCode: 503 } });
    const failing = fakeClient([unavailable, unavailable, unavailable]);
    await expect(bulkWithRetries(failing.client, [op('a')], { ...noSleep, attempts: 3 })).rejects.toThrow('unavailable');
    expect(failing.client.bulk).toHaveBeenCalledTimes(3);
  });

  it('does not retry a request the cluster refused (4xx), nor keep retrying an item past the attempts', async () => {
    const bad = Object.assign(new Error('bad request'), { meta: { statusCode: 400 } });
    const refused = fakeClient([bad]);
    await expect(bulkWithRetries(refused.client, [op('a')], noSleep)).rejects.toThrow('bad request');
    expect(refused.client.bulk).toHaveBeenCalledTimes(1);

    const busy = fakeClient([[item(429)], [item(429)]]);
    expect(await bulkWithRetries(busy.client, [op('a')], { ...noSleep, attempts: 2 })).toEqual([{ status: 429, error: { type: 't429', reason: 'r429' } }]);
  });

  it('expectItem accepts 2xx and the statuses named, and names the failure otherwise', () => {
    expect(() => expectItem({ status: 409 }, 'storing', [409])).not.toThrow();
    expect(() => expectItem({ status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad' } }, 'storing the report')).toThrow('storing the report failed (400): mapper_parsing_exception bad');
  });
});
