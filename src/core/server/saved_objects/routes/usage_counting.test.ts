import { createFakeClient, startRoutesServer, type RoutesServer } from './test_utils';

describe('saved objects routes: usage counting', () => {
  let server: RoutesServer;
  const counted: string[] = [];
  const { client, registry } = createFakeClient();
  beforeAll(async () => {
    server = await startRoutesServer(client as any, registry, {
      usageCounter: { incrementUsageCounter: ({ counterName }) => void counted.push(counterName) },
    });
  });
  afterAll(() => server.stop());
  beforeEach(() => (counted.length = 0));

  it('counts each call by method, whatever its answer', async () => {
    client.get.mockResolvedValue({ id: 'd1', type: 'dashboard', attributes: {}, references: [] });
    client.find.mockResolvedValue({ saved_objects: [], total: 0, per_page: 20, page: 1 });
    client.create.mockResolvedValue({ id: 'x', type: 'dashboard', attributes: {}, references: [] });
    client.update.mockResolvedValue({ id: 'x', type: 'dashboard', attributes: {}, references: [] });
    client.delete.mockResolvedValue({});
    client.bulkGet.mockResolvedValue({ saved_objects: [] });
    client.bulkCreate.mockResolvedValue({ saved_objects: [] });
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/saved_objects/dashboard/d1'],
      ['GET', '/api/saved_objects/_find?type=dashboard'],
      ['POST', '/api/saved_objects/dashboard', { attributes: { title: 'a' } }],
      ['POST', '/api/saved_objects/dashboard/x', { attributes: { title: 'a' } }],
      ['PUT', '/api/saved_objects/dashboard/x', { attributes: { title: 'b' } }],
      ['DELETE', '/api/saved_objects/dashboard/x'],
      ['POST', '/api/saved_objects/_bulk_get', []],
      ['POST', '/api/saved_objects/_bulk_create', []],
      ['PUT', '/api/saved_objects/_bulk_update', []],
      // An unexposed type (404) is counted too: the call was made.
      ['GET', '/api/saved_objects/secret/s1'],
    ];
    for (const [method, path, body] of calls) {
      const { status } = await server.call(method, path, body);
      expect([path, status]).toEqual([path, path.includes('secret') ? 404 : 200]);
    }
    expect(counted).toEqual([
      'savedObjects.get',
      'savedObjects.find',
      'savedObjects.create',
      'savedObjects.create',
      'savedObjects.update',
      'savedObjects.delete',
      'savedObjects.bulkGet',
      'savedObjects.bulkCreate',
      'savedObjects.bulkUpdate',
      'savedObjects.get',
    ]);
  });

  it('does not count a request refused by validation before the handler', async () => {
    expect((await server.call('POST', '/api/saved_objects/dashboard', { nope: 1 })).status).toBe(400);
    expect(counted).toEqual([]);
  });
});
