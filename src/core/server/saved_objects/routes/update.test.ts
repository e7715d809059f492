import { startRoutesOnStore } from './test_utils';

describe('PUT /api/saved_objects/{type}/{id}', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => (server = await startRoutesOnStore()));
  afterAll(() => server.stop());

  it('merges the attributes, answers the sent ones, and keeps references unless given', async () => {
    await server.repository.create('dashboard', { title: 'T', description: 'D' }, { id: 'u1', references: [{ name: 'r', type: 't', id: 'i' }] });
    const res = await server.call('PUT', '/api/saved_objects/dashboard/u1', { attributes: { title: 'T2' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: 'u1',
      type: 'dashboard',
      namespaces: ['default'],
      updated_at: expect.any(String),
      version: expect.any(String),
      attributes: { title: 'T2' },
    });
    const stored = await server.repository.get('dashboard', 'u1');
    expect([stored.attributes, stored.references]).toEqual([{ title: 'T2', description: 'D' }, [{ name: 'r', type: 't', id: 'i' }]]);
    await server.call('PUT', '/api/saved_objects/dashboard/u1', { attributes: {}, references: [] });
    expect((await server.repository.get('dashboard', 'u1')).references).toEqual([]);
  });

  it('answers 409 for a stale version and applies a current one', async () => {
    const { version } = await server.repository.create('dashboard', { title: 'v' }, { id: 'u2' });
    const first = await server.call('PUT', '/api/saved_objects/dashboard/u2', { attributes: { title: 'a' }, version });
    expect(first.status).toBe(200);
    expect(await server.call('PUT', '/api/saved_objects/dashboard/u2', { attributes: { title: 'b' }, version })).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'Saved object [dashboard/u2] conflict' },
    });
    expect((await server.call('PUT', '/api/saved_objects/dashboard/u2', { attributes: { title: 'c' }, version: first.body.version })).status).toBe(200);
  });

  it('answers 404 for a missing object, an unknown type and a hidden one', async () => {
    for (const [type, id] of [['dashboard', 'none'], ['secret', 's1'], ['nothing', 's1']]) {
      expect((await server.call('PUT', `/api/saved_objects/${type}/${id}`, { attributes: { value: 'x' } })).body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `Saved object [${type}/${id}] not found`,
      });
    }
    expect((await server.hiddenRepository.get('secret', 's1')).attributes).toEqual({ value: 'the-secret-value' });
  });

  it('answers 400 naming the field for a malformed version or bad attributes', async () => {
    const bad = await server.call('PUT', '/api/saved_objects/dashboard/u2', { attributes: {}, version: 'not-a-version' });
    expect([bad.status, bad.body.message]).toEqual([400, '[request body.version]: Invalid version [not-a-version]']);
    const noAttributes = await server.call('PUT', '/api/saved_objects/dashboard/u2', { version: 'x' });
    expect(noAttributes.body.message).toContain('[request body.attributes]');
  });
});
