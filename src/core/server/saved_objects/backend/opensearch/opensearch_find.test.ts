import type { Client } from '@opensearch-project/opensearch';
import { runFind } from './opensearch_find';
import type { FindRequest } from './opensearch_query';

const request: FindRequest = { query: { match_all: {} }, sort: [{ _id: { order: 'asc' } }], trackScores: false };

/** An index of `count` documents sorted by id, refusing from + size past `window` as OpenSearch does. */
function fakeClient(count: number, window: number) {
  const ids = Array.from({ length: count }, (_, i) => `t:${String(i).padStart(3, '0')}`);
  const searches: Array<Record<string, any>> = [];
  const deleted: string[][] = [];
  const client = {
    search: async (params: { body: Record<string, any>; filter_path?: string[] }) => {
      const { body } = params;
      searches.push(params);
      const from = body.from ?? 0;
      if (!body.pit && from + body.size > window) {
        throw new Error('Result window is too large');
      }
      const after = body.search_after?.[0];
      const start = after === undefined ? from : ids.findIndex((id) => id > after);
      const page = (start < 0 ? [] : ids.slice(start, start + body.size)).map((_id) => ({
        _id,
        sort: [_id],
        ...(body._source !== false && { _source: { type: 't' }, _seq_no: 1, _primary_term: 1 }),
      }));
      return {
        body: {
          pit_id: body.pit ? `${body.pit.id}+` : undefined,
          hits: { ...(body.track_total_hits && { total: { value: count } }), hits: page },
        },
      };
    },
    createPit: async () => ({ body: { pit_id: 'pit' } }),
    deletePit: async (params: { body: { pit_id: string[] } }) => {
      deleted.push(params.body.pit_id);
      return { body: {} };
    },
  };
  return { client: client as unknown as Client, searches, deleted };
}

const idsOf = (hits: Array<{ _id: string }>) => hits.map((h) => h._id);

describe('runFind', () => {
  it('uses one plain search inside the result window', async () => {
    const fake = fakeClient(10, 5);
    const page = await runFind({ client: fake.client, index: 'i', request, from: 2, size: 3, maxResultWindow: 5 });
    expect(page.total).toBe(10);
    expect(idsOf(page.hits)).toEqual(['t:002', 't:003', 't:004']);
    expect(fake.searches).toHaveLength(1);
    expect(fake.searches[0].body).toMatchObject({ from: 2, size: 3, track_total_hits: true, seq_no_primary_term: true });
  });

  it('past the window, skips with sort-only pages on a point in time, then fetches, then releases it', async () => {
    const fake = fakeClient(20, 5);
    const page = await runFind({ client: fake.client, index: 'i', request, from: 12, size: 7, maxResultWindow: 5 });
    expect(page.total).toBe(20);
    expect(idsOf(page.hits)).toEqual(['t:012', 't:013', 't:014', 't:015', 't:016', 't:017', 't:018']);
    // 12 skipped in chunks of 5, 5, 2; then 7 fetched in chunks of 5, 2.
    expect(fake.searches.map((s) => [s.body.size, s.body._source])).toEqual([
      [5, false],
      [5, false],
      [2, false],
      [5, true],
      [2, true],
    ]);
    expect(fake.searches[0].filter_path).toEqual(['pit_id', 'hits.total', 'hits.hits.sort']);
    expect(fake.searches.map((s) => s.body.track_total_hits)).toEqual([true, false, false, false, false]);
    // The point in time id a search returns is the one the next search uses and the one released.
    expect(fake.searches.map((s) => s.body.pit.id)).toEqual(['pit', 'pit+', 'pit++', 'pit+++', 'pit++++']);
    expect(fake.deleted).toEqual([['pit+++++']]);
  });

  it('stops early past the last document, and counts without hits for size 0', async () => {
    const fake = fakeClient(8, 5);
    const beyond = await runFind({ client: fake.client, index: 'i', request, from: 10, size: 3, maxResultWindow: 5 });
    expect(beyond).toEqual({ total: 8, hits: [] });
    expect(fake.deleted).toHaveLength(1);
    const tail = await runFind({ client: fake.client, index: 'i', request, from: 6, size: 5, maxResultWindow: 5 });
    expect(idsOf(tail.hits)).toEqual(['t:006', 't:007']);
    const count = await runFind({ client: fake.client, index: 'i', request, from: 50, size: 0, maxResultWindow: 5 });
    expect(count).toEqual({ total: 8, hits: [] });
  });
});
