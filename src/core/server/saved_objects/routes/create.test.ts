import { startRoutesOnStore } from './test_utils';

describe('POST /api/saved_objects/{type}[/{id}]', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => (server = await startRoutesOnStore()));
  afterAll(() => server.stop());

  it('creates with a generated id, or the given one', async () => {
    const generated = await server.call('POST', '/api/saved_objects/visualization', { attributes: { title: 'V' } });
    expect(generated.status).toBe(200);
    expect(generated.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'visualization',
      namespaces: ['default'],
      attributes: { title: 'V' },
      references: [],
      updated_at: expect.any(String),
      version: expect.any(String),
    });
    const named = await server.call('POST', '/api/saved_objects/dashboard/mine', {
      attributes: { title: 'Mine' },
      references: [{ name: 'panel_0', type: 'visualization', id: generated.body.id }],
      migrationVersion: { dashboard: '7.9.3' },
    });
    expect(named.body).toMatchObject({ id: 'mine', migrationVersion: { dashboard: '7.9.3' }, references: [{ name: 'panel_0' }] });
  });

  it('answers 409 for an existing id unless ?overwrite=true', async () => {
    await server.call('POST', '/api/saved_objects/dashboard/twice', { attributes: { title: 'first' } });
    expect(await server.call('POST', '/api/saved_objects/dashboard/twice', { attributes: { title: 'second' } })).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'Saved object [dashboard/twice] conflict' },
    });
    const replaced = await server.call('POST', '/api/saved_objects/dashboard/twice?overwrite=true', { attributes: { title: 'second' } });
    expect([replaced.status, replaced.body.attributes]).toEqual([200, { title: 'second' }]);
  });

  it('refuses unknown and hidden types alike, and writes nothing', async () => {
    for (const type of ['secret', 'unknown-type']) {
      expect(await server.call('POST', `/api/saved_objects/${type}/s1?overwrite=true`, { attributes: { value: 'x' } })).toEqual({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: `Unsupported saved object type: '${type}': Bad Request` },
      });
    }
    expect((await server.hiddenRepository.get('secret', 's1')).attributes).toEqual({ value: 'the-secret-value' });
  });

  it('answers 400 naming the field for bad input', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['/api/saved_objects/dashboard', {}, '[request body.attributes]: expected value of type [object] but got [undefined]'],
      ['/api/saved_objects/dashboard', { attributes: [] }, '[request body.attributes]'],
      ['/api/saved_objects/dashboard', { attributes: {}, extra: 1 }, '[request body.extra]: definition for this key is missing'],
      ['/api/saved_objects/dashboard', { attributes: {}, references: [{ name: 'a', type: 'b' }] }, '[request body.references.0.id]'],
      ['/api/saved_objects/dashboard', { attributes: {}, migrationVersion: { a: 1 } }, '[request body.migrationVersion.a]'],
      ['/api/saved_objects/dashboard?overwrite=maybe', { attributes: {} }, '[request query.overwrite]'],
      [
        '/api/saved_objects/dashboard',
        { attributes: {}, references: Array.from({ length: 1001 }, (_x, i) => ({ name: `r${i}`, type: 't', id: 'i' })) },
        '[request body.references]: array size is [1001], but cannot be greater than [1000]',
      ],
    ];
    for (const [path, body, message] of cases) {
      const res = await server.call('POST', path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.message).toContain(message);
    }
  });
});
