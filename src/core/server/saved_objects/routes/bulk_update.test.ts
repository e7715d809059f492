import { SavedObjectsErrorHelpers } from '../errors';
import { BULK_UPDATE_CONCURRENCY, updateAll } from './bulk_update';
import { createFakeClient, startRoutesOnStore } from './test_utils';

describe('PUT /api/saved_objects/_bulk_update', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => (server = await startRoutesOnStore()));
  afterAll(() => server.stop());

  it('updates each object on its own: missing, stale, unknown and hidden ones are error entries', async () => {
    const { version } = await server.repository.create('dashboard', { title: 'a', description: 'kept' }, { id: 'b1' });
    await server.repository.create('visualization', { title: 'v' }, { id: 'b2' });
    const res = await server.call('PUT', '/api/saved_objects/_bulk_update', [
      { type: 'dashboard', id: 'b1', attributes: { title: 'a2' }, version },
      { type: 'visualization', id: 'missing', attributes: { title: 'x' } },
      { type: 'dashboard', id: 'b1', attributes: { title: 'a3' }, version },
      { type: 'secret', id: 's1', attributes: { value: 'x' } },
      { type: 'nothing', id: 'n', attributes: {} },
      { type: 'visualization', id: 'b2', attributes: { rank: 1 }, references: [{ name: 'r', type: 't', id: 'i' }] },
    ]);
    expect(res.status).toBe(200);
    const notFound = (type: string, id: string) => ({ id, type, error: { statusCode: 404, error: 'Not Found', message: `Saved object [${type}/${id}] not found` } });
    expect(res.body.saved_objects).toEqual([
      expect.objectContaining({ id: 'b1', type: 'dashboard', attributes: { title: 'a2' }, version: expect.any(String) }),
      notFound('visualization', 'missing'),
      { id: 'b1', type: 'dashboard', error: { statusCode: 409, error: 'Conflict', message: 'Saved object [dashboard/b1] conflict' } },
      notFound('secret', 's1'),
      notFound('nothing', 'n'),
      expect.objectContaining({ id: 'b2', attributes: { rank: 1 }, references: [{ name: 'r', type: 't', id: 'i' }] }),
    ]);
    expect((await server.repository.get('dashboard', 'b1')).attributes).toEqual({ title: 'a2', description: 'kept' });
    expect((await server.hiddenRepository.get('secret', 's1')).attributes).toEqual({ value: 'the-secret-value' });
  });

  it('answers 400 naming the field for bad input and for more than 1,000 objects', async () => {
    const noId = await server.call('PUT', '/api/saved_objects/_bulk_update', [{ type: 'dashboard', attributes: {} }]);
    expect([noId.status, noId.body.message]).toEqual([400, '[request body.0.id]: expected value of type [string] but got [undefined]']);
    const tooMany = await server.call('PUT', '/api/saved_objects/_bulk_update', Array.from({ length: 1001 }, (_x, i) => ({ type: 'dashboard', id: `${i}`, attributes: {} })));
    expect([tooMany.status, tooMany.body.message]).toEqual([400, '[request body]: array size is [1001], but cannot be greater than [1000]']);
  });
});

describe('updateAll', () => {
  it(`runs at most ${BULK_UPDATE_CONCURRENCY} updates at once, one object's updates in order`, async () => {
    const { client } = createFakeClient();
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    client.update.mockImplementation(async (type: string, id: string, attributes: { n: number }) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, id === 'same' ? 5 - attributes.n : 1));
      running--;
      if (id === 'same') order.push(`${attributes.n}`);
      return { id, type, attributes };
    });
    const items = [
      ...Array.from({ length: 100 }, (_x, i) => ({ type: 'dashboard', id: `d${i}`, attributes: { n: i } })),
      ...[0, 1, 2, 3].map((n) => ({ type: 'dashboard', id: 'same', attributes: { n } })),
    ];
    const results = await updateAll(client as any, items, () => true);
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(peak).toBe(BULK_UPDATE_CONCURRENCY);
    expect(order).toEqual(['0', '1', '2', '3']);
  });

  it('fails the whole call on a general error, which the server then logs', async () => {
    const { client } = createFakeClient();
    client.update.mockRejectedValue(SavedObjectsErrorHelpers.decorateGeneralError(new Error('boom')));
    await expect(updateAll(client as any, [{ type: 'dashboard', id: 'a', attributes: {} }], () => true)).rejects.toThrow('boom');
  });
});
