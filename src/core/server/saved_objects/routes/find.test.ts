import { createFakeClient, startRoutesOnStore, startRoutesServer, type RoutesServer } from './test_utils';

describe('GET /api/saved_objects/_find', () => {
  let server: Awaited<ReturnType<typeof startRoutesOnStore>>;
  beforeAll(async () => {
    server = await startRoutesOnStore();
    const ref = { name: 'ref', type: 'secret', id: 's1' };
    await server.repository.bulkCreate([
      { type: 'dashboard', id: 'd1', attributes: { title: 'alpha one' }, references: [ref] },
      { type: 'dashboard', id: 'd2', attributes: { title: 'beta two' } },
      { type: 'visualization', id: 'v1', attributes: { title: 'alpha vis', rank: 3 } },
    ]);
  });
  afterAll(() => server.stop());

  const find = async (query: string) => (await server.call('GET', `/api/saved_objects/_find?${query}`)).body;
  const ids = async (query: string) => (await find(query)).saved_objects.map((o: { id: string }) => o.id);

  it('pages, searches, sorts and picks fields', async () => {
    const page = await find('type=dashboard&type=visualization&per_page=2&sort_field=title');
    expect([page.page, page.per_page, page.total]).toEqual([1, 2, 3]);
    expect(page.saved_objects.map((o: { id: string }) => o.id)).toEqual(['d1', 'v1']);
    expect(await ids('type=dashboard&type=visualization&per_page=2&page=2&sort_field=title')).toEqual(['d2']);
    expect(await ids('type=dashboard&type=visualization&sort_field=title&sort_order=desc')).toEqual(['d2', 'v1', 'd1']);
    expect(await ids('type=dashboard&search=alpha&search_fields=title')).toEqual(['d1']);
    const picked = await find('type=visualization&fields=rank');
    expect(picked.saved_objects[0]).toMatchObject({ id: 'v1', attributes: { rank: 3 }, score: 0 });
    expect(picked.saved_objects[0].attributes.title).toBeUndefined();
    expect((await find('type=dashboard&per_page=0')).total).toBe(2);
  });

  it('filters by reference, given as a JSON object or a JSON array', async () => {
    expect(await ids(`type=dashboard&has_reference=${encodeURIComponent('{"type":"secret","id":"s1"}')}`)).toEqual(['d1']);
    expect(await ids(`type=dashboard&has_reference=${encodeURIComponent('[{"type":"secret","id":"s2"}]')}`)).toEqual([]);
  });

  it('leaves out unknown and hidden types: only those is an empty page, never the hidden objects', async () => {
    for (const query of ['type=secret', 'type=nothing', 'type=secret&type=nothing&page=2&per_page=5']) {
      const body = await find(query);
      expect(body.total).toBe(0);
      expect(body.saved_objects).toEqual([]);
    }
    expect(await find('type=secret&type=nothing&page=2&per_page=5')).toEqual({ page: 2, per_page: 5, total: 0, saved_objects: [] });
    const mixed = await find('type=secret&type=dashboard&search=the-secret-value');
    expect(mixed).toEqual({ page: 1, per_page: 20, total: 0, saved_objects: [] });
    expect(await ids('type=secret&type=dashboard&sort_field=title')).toEqual(['d1', 'd2']);
  });

  it('answers 400 naming the field for bad or unbounded input', async () => {
    const cases: Array<[string, string]> = [
      ['', '[request query.type]: expected at least one defined value but got [undefined]'],
      ['type=dashboard&per_page=1001', '[request query.per_page]: Value must be equal to or lower than [1000].'],
      ['type=dashboard&per_page=-1', '[request query.per_page]'],
      ['type=dashboard&per_page=2.5', '[request query.per_page]: expected an integer but got [2.5]'],
      ['type=dashboard&page=0', '[request query.page]: Value must be equal to or greater than [1].'],
      ['type=dashboard&page=1000001', '[request query.page]'],
      ['type=dashboard&default_search_operator=XOR', '[request query.default_search_operator]'],
      ['type=dashboard&sort_order=up', '[request query.sort_order]'],
      ['type=dashboard&has_reference=nope', '[request query.has_reference]'],
      ['type=dashboard&has_reference=%7B%22type%22%3A%22a%22%7D', '[request query.has_reference'],
      [`type=dashboard&search=${'s'.repeat(1025)}`, '[request query.search]'],
      [`type=dashboard&sort_field=${'f'.repeat(257)}`, '[request query.sort_field]'],
      [`type=dashboard&${Array.from({ length: 101 }, () => 'fields=a').join('&')}`, '[request query.fields]'],
      ['type=dashboard&unknown=1', '[request query.unknown]: definition for this key is missing'],
    ];
    for (const [query, message] of cases) {
      const res = await server.call('GET', `/api/saved_objects/_find?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.message).toContain(message);
    }
  });

  it('answers a field the store cannot address with a 400 from the repository', async () => {
    const res = await server.call('GET', '/api/saved_objects/_find?type=dashboard&sort_field=a..b');
    expect([res.status, res.body.message]).toEqual([400, 'Invalid field name [a..b]: Bad Request']);
  });
});

describe('_find options handed to the client', () => {
  let server: RoutesServer;
  const { client, registry } = createFakeClient();
  beforeAll(async () => (server = await startRoutesServer(client as any, registry)));
  afterAll(() => server.stop());

  it('maps the query to upstream find options, with the types the API exposes only', async () => {
    client.find.mockResolvedValue({ page: 1, per_page: 20, total: 0, saved_objects: [] });
    await server.call('GET', '/api/saved_objects/_find?type=dashboard&type=secret&type=dashboard&search_fields=title&fields=a&default_search_operator=AND');
    expect(client.find).toHaveBeenCalledWith({
      type: ['dashboard'],
      page: 1,
      perPage: 20,
      search: undefined,
      defaultSearchOperator: 'AND',
      searchFields: ['title'],
      sortField: undefined,
      sortOrder: undefined,
      fields: ['a'],
      hasReference: undefined,
    });
    client.find.mockClear();
    await server.call('GET', '/api/saved_objects/_find?type=secret');
    expect(client.find).not.toHaveBeenCalled();
  });
});
