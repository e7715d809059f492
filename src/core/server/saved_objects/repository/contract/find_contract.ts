import { SavedObjectsErrorHelpers } from '../../errors';
import type { ContractStore, RepositoryContractHarness } from './types';

const ids = (response: { saved_objects: Array<{ id: string }> }) =>
  response.saved_objects.map((o) => o.id);

/** find: search, sort, references, fields, paging and type rules, on one seeded store. */
export function describeFindContract(harness: RepositoryContractHarness) {
  describe('find', () => {
    let store: ContractStore;
    let clock = Date.parse('2024-01-01T00:00:00.000Z');

    beforeAll(async () => {
      // A clock that ticks one second per write, so updated_at sorting is deterministic.
      store = await harness.createStore({ now: () => new Date((clock += 1000)) });
      const { repository } = store;
      await repository.create('dashboard', { title: 'Web traffic overview', description: 'nginx logs' }, { id: 'd-web' });
      await repository.create('dashboard', { title: 'Kernel errors', description: 'syslog' }, { id: 'd-kernel' });
      await repository.create('dashboard', { title: 'Traffic by country', description: 'geo' }, {
        id: 'd-geo',
        references: [{ name: 'panel_0', type: 'visualization', id: 'v-map' }],
      });
      await repository.create('visualization', { title: 'Map of traffic', rank: 2 }, { id: 'v-map' });
      await repository.create('visualization', { title: 'Error bars', rank: 10 }, {
        id: 'v-errors',
        references: [{ name: 'search_0', type: 'search', id: 's1' }],
      });
      await repository.create('visualization', { title: 'No rank' }, { id: 'v-norank' });
      await store.repositoryWithHidden.create('secret', { value: 'traffic' }, { id: 'hidden' });
    });
    afterAll(async () => {
      await store?.dispose();
    });

    it('returns all objects of a type with upstream paging fields and defaults', async () => {
      const response = await store.repository.find({ type: 'dashboard' });
      expect(response).toMatchObject({ page: 1, per_page: 20, total: 3 });
      expect(response.saved_objects[0]).toEqual({
        id: 'd-geo',
        type: 'dashboard',
        namespaces: ['default'],
        attributes: { title: 'Traffic by country', description: 'geo' },
        references: [{ name: 'panel_0', type: 'visualization', id: 'v-map' }],
        updated_at: expect.any(String),
        version: expect.any(String),
        score: 0,
      });
    });

    it('searches words, prefixes and phrases, case-insensitively', async () => {
      const type = ['dashboard', 'visualization'];
      expect(ids(await store.repository.find({ type, search: 'traffic', sortField: 'id' }))).toEqual([
        'd-geo',
        'd-web',
        'v-map',
      ]);
      expect(ids(await store.repository.find({ type, search: 'Err*', sortField: 'id' }))).toEqual([
        'd-kernel',
        'v-errors',
      ]);
      expect(ids(await store.repository.find({ type, search: '"traffic overview"' }))).toEqual(['d-web']);
      expect(ids(await store.repository.find({ type, search: '"overview traffic"' }))).toEqual([]);
      expect(
        ids(await store.repository.find({ type, search: 'traffic -map', sortField: 'id' }))
      ).toEqual(['d-geo', 'd-web']);
    });

    it('combines terms with the default operator, and ranks by matches without a sort', async () => {
      const type = 'dashboard';
      expect(
        ids(await store.repository.find({ type, search: 'traffic country', defaultSearchOperator: 'AND' }))
      ).toEqual(['d-geo']);
      const or = await store.repository.find({ type, search: 'traffic country' });
      expect(ids(or)).toEqual(['d-geo', 'd-web']);
      expect(or.saved_objects[0].score).toBeGreaterThan(or.saved_objects[1].score);
    });

    it('restricts search to searchFields', async () => {
      expect(
        ids(await store.repository.find({ type: 'dashboard', search: 'nginx', searchFields: ['title'] }))
      ).toEqual([]);
      expect(
        ids(await store.repository.find({ type: 'dashboard', search: 'nginx', searchFields: ['description^2'] }))
      ).toEqual(['d-web']);
    });

    it('sorts on root fields and attributes, missing values last', async () => {
      const byTime = await store.repository.find({ type: 'dashboard', sortField: 'updated_at', sortOrder: 'desc' });
      expect(ids(byTime)).toEqual(['d-geo', 'd-kernel', 'd-web']);
      const byType = await store.repository.find({
        type: ['visualization', 'dashboard'],
        sortField: 'type',
        sortOrder: 'desc',
        perPage: 2,
      });
      expect(byType.saved_objects.map((o) => o.type)).toEqual(['visualization', 'visualization']);
      expect(ids(await store.repository.find({ type: 'visualization', sortField: 'rank' }))).toEqual([
        'v-map',
        'v-errors',
        'v-norank',
      ]);
      expect(
        ids(await store.repository.find({ type: 'visualization', sortField: 'rank', sortOrder: 'desc' }))
      ).toEqual(['v-errors', 'v-map', 'v-norank']);
      expect(ids(await store.repository.find({ type: 'dashboard', sortField: 'title' }))).toEqual([
        'd-kernel',
        'd-geo',
        'd-web',
      ]);
    });

    it('sorts several types on a shared attribute or the id, missing values last', async () => {
      const type = ['dashboard', 'visualization'];
      expect(ids(await store.repository.find({ type, sortField: 'title' }))).toEqual([
        'v-errors',
        'd-kernel',
        'v-map',
        'v-norank',
        'd-geo',
        'd-web',
      ]);
      expect(ids(await store.repository.find({ type, sortField: 'rank' }))).toEqual([
        'v-map',
        'v-errors',
        'd-geo',
        'd-kernel',
        'd-web',
        'v-norank',
      ]);
      expect(ids(await store.repository.find({ type, sortField: 'id', sortOrder: 'desc' }))).toEqual([
        'v-norank',
        'v-map',
        'v-errors',
        'd-web',
        'd-kernel',
        'd-geo',
      ]);
    });

    it('filters by reference, single or several', async () => {
      expect(
        ids(await store.repository.find({ type: ['dashboard', 'visualization'], hasReference: { type: 'visualization', id: 'v-map' } }))
      ).toEqual(['d-geo']);
      expect(
        ids(
          await store.repository.find({
            type: ['dashboard', 'visualization'],
            hasReference: [
              { type: 'visualization', id: 'v-map' },
              { type: 'search', id: 's1' },
            ],
            sortField: 'id',
          })
        )
      ).toEqual(['d-geo', 'v-errors']);
    });

    it('returns only the requested fields', async () => {
      const response = await store.repository.find({ type: 'visualization', fields: ['rank'], sortField: 'id' });
      expect(response.saved_objects.map((o) => o.attributes)).toEqual([{ rank: 10 }, { rank: 2 }, {}]);
    });

    it('pages', async () => {
      const page2 = await store.repository.find({ type: 'visualization', sortField: 'id', perPage: 2, page: 2 });
      expect(page2).toMatchObject({ page: 2, per_page: 2, total: 3 });
      expect(ids(page2)).toEqual(['v-norank']);
      const beyond = await store.repository.find({ type: 'visualization', perPage: 2, page: 9 });
      expect(beyond).toMatchObject({ total: 3, saved_objects: [] });
      const countOnly = await store.repository.find({ type: 'visualization', perPage: 0 });
      expect(countOnly).toMatchObject({ total: 3, saved_objects: [] });
    });

    it('skips types it may not read, and hidden types need includedHiddenTypes', async () => {
      expect(await store.repository.find({ type: 'secret' })).toEqual({
        page: 1,
        per_page: 20,
        total: 0,
        saved_objects: [],
      });
      expect(ids(await store.repository.find({ type: ['secret', 'nope', 'dashboard'], search: 'traffic' }))).toEqual([
        'd-geo',
        'd-web',
      ]);
      expect(ids(await store.repositoryWithHidden.find({ type: 'secret' }))).toEqual(['hidden']);
    });

    it('rejects malformed options with 400', async () => {
      const bad = [
        { type: '' },
        { type: [] as string[] },
        { type: 'dashboard', searchFields: 'title' as unknown as string[] },
        { type: 'dashboard', fields: 'title' as unknown as string[] },
        { type: 'dashboard', page: 0 },
        { type: 'dashboard', perPage: -1 },
        { type: 'dashboard', sortOrder: 'up' as 'asc' },
        { type: 'dashboard', sortField: 'a"b' },
      ];
      for (const options of bad) {
        const error = await store.repository.find(options).catch((e) => e);
        expect(SavedObjectsErrorHelpers.isBadRequestError(error)).toBe(true);
      }
    });
  });
}
