import { SavedObjectsErrorHelpers } from '../errors';
import { createFakeClient, startRoutesOnStore, startRoutesServer, type RoutesServer } from './test_utils';

describe('GET /api/saved_objects/{type}/{id}', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => {
    server = await startRoutesOnStore();
    await server.repository.create('dashboard', { title: 'D' }, { id: 'd1', references: [{ name: 'r', type: 'visualization', id: 'v' }] });
  });
  afterAll(() => server.stop());

  it('answers the object as upstream shapes it', async () => {
    const res = await server.call('GET', '/api/saved_objects/dashboard/d1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'd1',
      type: 'dashboard',
      namespaces: ['default'],
      updated_at: expect.any(String),
      version: expect.any(String),
      attributes: { title: 'D' },
      references: [{ name: 'r', type: 'visualization', id: 'v' }],
    });
  });

  it('answers 404 naming the object when it is missing, its type unknown, or hidden', async () => {
    for (const [type, id] of [['dashboard', 'nope'], ['no-such-type', 'x'], ['secret', 's1'], ['secret', 'missing']]) {
      const res = await server.call('GET', `/api/saved_objects/${type}/${id}`);
      expect([res.status, res.body]).toEqual([404, { statusCode: 404, error: 'Not Found', message: `Saved object [${type}/${id}] not found` }]);
    }
  });

  it('takes ids up to 256 characters, answers 400 naming the id past them, and 414 past the path limit (512)', async () => {
    expect((await server.call('GET', `/api/saved_objects/dashboard/${'x'.repeat(256)}`)).status).toBe(404);
    const long = await server.call('GET', `/api/saved_objects/dashboard/${'x'.repeat(257)}`);
    expect([long.status, long.body.message]).toEqual([400, expect.stringContaining('[request params.id]')]);
    expect((await server.call('GET', `/api/saved_objects/dashboard/${'x'.repeat(513)}`)).status).toBe(414);
  });
});

describe('error mapping', () => {
  let server: RoutesServer;
  const { client, registry } = createFakeClient();
  beforeAll(async () => (server = await startRoutesServer(client as any, registry)));
  afterAll(() => server.stop());

  it('keeps the status of saved-object errors, 503 included, and hides general errors behind a 500', async () => {
    client.get.mockRejectedValueOnce(SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('store closed')));
    expect(await server.call('GET', '/api/saved_objects/dashboard/a')).toEqual({
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message: 'store closed' },
    });
    client.get.mockRejectedValueOnce(SavedObjectsErrorHelpers.decorateTooManyRequestsError(new Error('slow down')));
    expect((await server.call('GET', '/api/saved_objects/dashboard/a')).status).toBe(429);
    client.get.mockRejectedValueOnce(SavedObjectsErrorHelpers.decorateGeneralError(new Error('disk says /var/secret')));
    const general = await server.call('GET', '/api/saved_objects/dashboard/a');
    expect(general.status).toBe(500);
    expect(JSON.stringify(general.body)).not.toContain('/var/secret');
    client.get.mockRejectedValueOnce(new TypeError('a bug'));
    expect((await server.call('GET', '/api/saved_objects/dashboard/a')).status).toBe(500);
  });

  it('never asks the client about a hidden type', async () => {
    client.get.mockClear();
    expect((await server.call('GET', '/api/saved_objects/secret/s1')).status).toBe(404);
    expect(client.get).not.toHaveBeenCalled();
  });
});
