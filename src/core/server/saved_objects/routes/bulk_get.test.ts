import { startRoutesOnStore } from './test_utils';

describe('POST /api/saved_objects/_bulk_get', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => {
    server = await startRoutesOnStore();
    await server.repository.create('dashboard', { title: 'D', description: 'long' }, { id: 'd1' });
  });
  afterAll(() => server.stop());

  it('answers found, missing, unknown and hidden objects in request order, each on its own', async () => {
    const res = await server.call('POST', '/api/saved_objects/_bulk_get', [
      { type: 'secret', id: 's1' },
      { type: 'dashboard', id: 'd1', fields: ['title'] },
      { type: 'dashboard', id: 'missing' },
      { type: 'nothing', id: 's1' },
      { type: 'secret', id: 'not-there' },
    ]);
    expect(res.status).toBe(200);
    const unsupported = (type: string) => ({ statusCode: 400, error: 'Bad Request', message: `Unsupported saved object type: '${type}': Bad Request` });
    expect(res.body.saved_objects).toEqual([
      { id: 's1', type: 'secret', error: unsupported('secret') },
      expect.objectContaining({ id: 'd1', type: 'dashboard', attributes: { title: 'D' } }),
      { id: 'missing', type: 'dashboard', error: { statusCode: 404, error: 'Not Found', message: 'Saved object [dashboard/missing] not found' } },
      { id: 's1', type: 'nothing', error: unsupported('nothing') },
      { id: 'not-there', type: 'secret', error: unsupported('secret') },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('the-secret-value');
  });

  it('answers an empty list with an empty list', async () => {
    expect(await server.call('POST', '/api/saved_objects/_bulk_get', [])).toEqual({ status: 200, body: { saved_objects: [] } });
  });

  it('answers 400 naming the field for bad input and for more than 10,000 objects', async () => {
    const missingId = await server.call('POST', '/api/saved_objects/_bulk_get', [{ type: 'dashboard' }]);
    expect([missingId.status, missingId.body.message]).toEqual([400, '[request body.0.id]: expected value of type [string] but got [undefined]']);
    const tooMany = await server.call('POST', '/api/saved_objects/_bulk_get', Array.from({ length: 10_001 }, (_x, i) => ({ type: 'dashboard', id: `${i}` })));
    expect([tooMany.status, tooMany.body.message]).toEqual([400, '[request body]: array size is [10001], but cannot be greater than [10000]']);
    const notArray = await server.call('POST', '/api/saved_objects/_bulk_get', { type: 'dashboard', id: 'd1' });
    expect([notArray.status, notArray.body.message]).toEqual([400, '[request body]: expected value of type [array] but got [Object]']);
  });
});
