import { startRoutesOnStore } from './test_utils';

describe('DELETE /api/saved_objects/{type}/{id}', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => (server = await startRoutesOnStore()));
  afterAll(() => server.stop());

  it('deletes and answers {}; a second delete is a 404', async () => {
    await server.repository.create('dashboard', { title: 'D' }, { id: 'gone' });
    expect(await server.call('DELETE', '/api/saved_objects/dashboard/gone')).toEqual({ status: 200, body: {} });
    expect((await server.call('GET', '/api/saved_objects/dashboard/gone')).status).toBe(404);
    expect(await server.call('DELETE', '/api/saved_objects/dashboard/gone')).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Saved object [dashboard/gone] not found' },
    });
  });

  it('never deletes a hidden object: 404, as for an unknown type', async () => {
    expect((await server.call('DELETE', '/api/saved_objects/secret/s1')).body.message).toBe('Saved object [secret/s1] not found');
    expect((await server.call('DELETE', '/api/saved_objects/nothing/s1')).body.message).toBe('Saved object [nothing/s1] not found');
    expect((await server.hiddenRepository.get('secret', 's1')).attributes).toEqual({ value: 'the-secret-value' });
  });

  it('needs the osd-xsrf header', async () => {
    const res = await fetch(`${server.url}/api/saved_objects/dashboard/x`, { method: 'DELETE' });
    expect(res.status).toBe(400);
  });
});
