import { Client } from '@opensearch-project/opensearch';
import { startOpenSearch, type OpenSearchNode } from '../../../../../../../test/opensearch/opensearch_node';
import { createTestRegistry } from '../../../repository/test_utils';
import type { SavedObjectsBackendCounterOperation } from '../../types';
import { CounterWriter, type CounterBulkMark } from '../counter_writer';
import { OpenSearchSavedObjectsBackend } from '../opensearch_backend';
import { sendCounterItems } from '../opensearch_counters';

/*
 * A `_bulk` of counter items sent twice (what the client does when a node dies after applying it but
 * before answering) counts once; other bulks, other writers and repeats inside one bulk still count.
 */
let node: OpenSearchNode | undefined;
let client: Client;
const index = 'osd-exactly-once';

/** Sends every bulk twice with the same number and body, as a transport-level retry does. */
class RetryingWriter extends CounterWriter {
  public override run<T>(send: (mark: CounterBulkMark) => Promise<T>): Promise<T> {
    return super.run(async (mark) => {
      await send(mark);
      return send(mark);
    });
  }
}

const counter = (id: string, by = 1): SavedObjectsBackendCounterOperation => ({
  id: `ui-metric:${id}`,
  type: 'ui-metric',
  counterFieldName: 'count',
  incrementBy: by,
  time: new Date().toISOString(),
  upsert: { type: 'ui-metric', 'ui-metric': { count: by }, references: [], updated_at: new Date().toISOString() },
});

async function countOf(id: string) {
  const { body } = await client.get({ index, id: `ui-metric:${id}` });
  return (body._source as any)['ui-metric'].count;
}

beforeAll(async () => {
  node = await startOpenSearch();
  client = new Client({ node: node.url });
  const backend = new OpenSearchSavedObjectsBackend({ client, index, typeRegistry: createTestRegistry(), refresh: true });
  await backend.open();
  await backend.close();
}, 180_000);

afterAll(async () => {
  await client?.close();
  await node?.stop();
}, 60_000);

describe('counter bulks resent by a retry', () => {
  it('count once, whether the document was created or updated by the first attempt', async () => {
    const writer = new RetryingWriter('retrying');
    // First bulk creates the documents (upsert), the second updates them: both resent whole.
    await sendCounterItems({ client, index, refresh: true, ops: [counter('a', 3), counter('b', 1)], writer });
    await sendCounterItems({ client, index, refresh: true, ops: [counter('a', 2)], writer });
    expect(await countOf('a')).toBe(5);
    expect(await countOf('b')).toBe(1);
  });

  it('still adds up repeats of one counter inside a bulk, and another writer’s bulks', async () => {
    const retrying = new RetryingWriter('retrying-2');
    const plain = new CounterWriter('plain');
    await sendCounterItems({ client, index, refresh: true, ops: [counter('c', 1), counter('c', 10), counter('c', 100)], writer: retrying });
    await sendCounterItems({ client, index, refresh: true, ops: [counter('c', 1000)], writer: plain });
    await sendCounterItems({ client, index, refresh: true, ops: [counter('c', 10000)], writer: retrying });
    expect(await countOf('c')).toBe(11111);
    // The marks live in a root field the saved object never shows; one per lane.
    const { body } = await client.get({ index, id: 'ui-metric:c' });
    expect(Object.keys((body._source as any).counterWriters).sort()).toEqual(['plain.0', 'retrying-2.0']);
  });

  it('keeps exact counts under concurrent resent bulks of one process (each on its own lane)', async () => {
    const writer = new RetryingWriter('concurrent');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => sendCounterItems({ client, index, refresh: false, ops: [counter('d', 1), counter(`e${i % 3}`, 2)], writer }))
    );
    await client.indices.refresh({ index });
    expect(await countOf('d')).toBe(20);
    expect((await countOf('e0')) + (await countOf('e1')) + (await countOf('e2'))).toBe(40);
  });

  it('without the marks a resent bulk would count twice (the failure this guards against)', async () => {
    const { body } = await client.bulk({
      index,
      refresh: true,
      body: [
        { update: { _id: 'ui-metric:raw' } },
        { script: { source: 'ctx._source["ui-metric"].count += params.by', params: { by: 1 } }, upsert: { type: 'ui-metric', 'ui-metric': { count: 1 } } },
        { update: { _id: 'ui-metric:raw' } },
        { script: { source: 'ctx._source["ui-metric"].count += params.by', params: { by: 1 } }, upsert: { type: 'ui-metric', 'ui-metric': { count: 1 } } },
      ],
    });
    expect(body.errors).toBe(false);
    expect(await countOf('raw')).toBe(2);
  });
});
