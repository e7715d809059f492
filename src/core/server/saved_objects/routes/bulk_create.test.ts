import { startRoutesOnStore } from './test_utils';

describe('POST /api/saved_objects/_bulk_create', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => (server = await startRoutesOnStore()));
  afterAll(() => server.stop());

  it('creates what it can and answers each failure in place', async () => {
    await server.repository.create('dashboard', { title: 'old' }, { id: 'taken' });
    const res = await server.call('POST', '/api/saved_objects/_bulk_create', [
      { type: 'dashboard', id: 'new', attributes: { title: 'new' } },
      { type: 'dashboard', id: 'taken', attributes: { title: 'again' } },
      { type: 'secret', id: 's1', attributes: { value: 'overwritten' } },
      { type: 'nothing', attributes: {} },
      { type: 'visualization', attributes: { title: 'generated id' } },
    ]);
    expect(res.status).toBe(200);
    const [created, conflict, hidden, unknown, generated] = res.body.saved_objects;
    expect(created).toMatchObject({ id: 'new', type: 'dashboard', attributes: { title: 'new' }, version: expect.any(String) });
    expect(conflict).toEqual({ id: 'taken', type: 'dashboard', error: { statusCode: 409, error: 'Conflict', message: 'Saved object [dashboard/taken] conflict' } });
    expect(hidden).toEqual({ id: 's1', type: 'secret', error: { statusCode: 400, error: 'Bad Request', message: "Unsupported saved object type: 'secret': Bad Request" } });
    expect(unknown).toEqual({ type: 'nothing', error: { statusCode: 400, error: 'Bad Request', message: "Unsupported saved object type: 'nothing': Bad Request" } });
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await server.repository.get('dashboard', 'taken')).attributes).toEqual({ title: 'old' });
    expect((await server.hiddenRepository.get('secret', 's1')).attributes).toEqual({ value: 'the-secret-value' });
  });

  it('replaces existing ids with ?overwrite=true, honouring a version', async () => {
    const { version } = await server.repository.create('dashboard', { title: 'v1' }, { id: 'ow' });
    await server.repository.update('dashboard', 'ow', { title: 'v2' });
    const res = await server.call('POST', '/api/saved_objects/_bulk_create?overwrite=true', [
      { type: 'dashboard', id: 'taken', attributes: { title: 'replaced' } },
      { type: 'dashboard', id: 'ow', attributes: { title: 'stale' }, version },
    ]);
    expect(res.body.saved_objects[0].attributes).toEqual({ title: 'replaced' });
    expect(res.body.saved_objects[1].error).toMatchObject({ statusCode: 409 });
    expect((await server.repository.get('dashboard', 'ow')).attributes).toEqual({ title: 'v2' });
  });

  it('answers 400 naming the field for bad input and for more than 10,000 objects', async () => {
    const noAttributes = await server.call('POST', '/api/saved_objects/_bulk_create', [{ type: 'dashboard', id: 'x' }]);
    expect([noAttributes.status, noAttributes.body.message]).toEqual([400, '[request body.0.attributes]: expected value of type [object] but got [undefined]']);
    const badVersion = await server.call('POST', '/api/saved_objects/_bulk_create?overwrite=true', [{ type: 'dashboard', attributes: {}, version: 'v' }]);
    expect(badVersion.body.message).toBe('[request body.0.version]: Invalid version [v]');
    const longId = await server.call('POST', '/api/saved_objects/_bulk_create', [{ type: 'dashboard', id: 'i'.repeat(257), attributes: {} }]);
    expect(longId.body.message).toBe('[request body.0.id]: value has length [257] but it must have a maximum length of [256].');
    const longType = await server.call('POST', '/api/saved_objects/_bulk_create', [{ type: 't'.repeat(257), attributes: {} }]);
    expect(longType.body.message).toContain('[request body.0.type]');
    const tooMany = await server.call('POST', '/api/saved_objects/_bulk_create', Array.from({ length: 10_001 }, () => ({ type: 'dashboard', attributes: {} })));
    expect([tooMany.status, tooMany.body.message]).toEqual([400, '[request body]: array size is [10001], but cannot be greater than [10000]']);
  });
});
