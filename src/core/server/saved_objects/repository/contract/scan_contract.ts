import { SavedObjectsErrorHelpers } from '../../errors';
import type { SavedObject, SavedObjectsScanOptions } from '../../types';
import type { SavedObjectsRepository } from '../repository';
import { useFreshStore, type RepositoryContractHarness } from './types';

/** Every page of a scan, as arrays of ids. */
async function scanIds(repository: SavedObjectsRepository, options: SavedObjectsScanOptions) {
  const pages: string[][] = [];
  for await (const page of repository.scan(options)) pages.push(page.map((o) => `${o.type}/${o.id}`));
  return pages;
}

/** scan: keyset paging over whole types, on every store. */
export function describeScanContract(harness: RepositoryContractHarness) {
  describe('scan', () => {
    const fresh = useFreshStore(harness);
    const store = () => fresh.current;

    it('reads every object of the types asked once, type after type, in bounded pages', async () => {
      const { repository } = store();
      const ids = Array.from({ length: 25 }, (_, i) => `m-${String(i).padStart(2, '0')}`);
      // Created out of id order: the order within a type is the store's (SQLite: ids; OpenSearch: the index's).
      await repository.bulkCreate([...ids].reverse().map((id, i) => ({ type: 'ui-metric', id, attributes: { count: i, label: id } })));
      await repository.bulkCreate([
        { type: 'dashboard', id: 'd1', attributes: { title: 'one' } },
        { type: 'visualization', id: 'v1', attributes: { title: 'other type' } },
      ]);

      const pages = await scanIds(repository, { type: ['ui-metric', 'dashboard'], perPage: 10 });
      expect(pages.map((p) => p.length)).toEqual([10, 10, 5, 1]);
      const flat = pages.flat();
      expect(flat.slice(0, 25).sort()).toEqual(ids.map((id) => `ui-metric/${id}`));
      expect(flat[25]).toBe('dashboard/d1');
      // An exact multiple of the page size ends with a full page, not an empty one.
      expect((await scanIds(repository, { type: 'ui-metric', perPage: 5 })).map((p) => p.length)).toEqual([5, 5, 5, 5, 5]);
      expect(await scanIds(repository, { type: 'shared' })).toEqual([]);
    });

    it('returns objects shaped as find does, with only the fields asked for', async () => {
      const { repository } = store();
      await repository.create('dashboard', { title: 'T', description: 'D' }, { id: 'd1', references: [{ type: 'visualization', id: 'v', name: 'r' }] });
      const [found] = (await repository.find({ type: 'dashboard', fields: ['title'] })).saved_objects;
      const pages: Array<Array<SavedObject<unknown>>> = [];
      for await (const page of repository.scan({ type: 'dashboard', fields: ['title'] })) pages.push(page);
      const { score: _score, ...expected } = found;
      expect(pages).toEqual([[expected]]);
      expect(pages[0][0].attributes).toEqual({ title: 'T' });
    });

    it('returns every object present for the whole scan once, whatever is written between pages', async () => {
      const { repository } = store();
      await repository.bulkCreate(['a', 'c', 'e', 'g', 'i'].map((id) => ({ type: 'ui-metric', id, attributes: { count: 1 } })));
      const seen: string[] = [];
      let first = true;
      for await (const page of repository.scan({ type: 'ui-metric', perPage: 2 })) {
        seen.push(...page.map((o) => o.id));
        if (first) {
          first = false;
          // SQLite reads live, OpenSearch a point in time: b, f (created) and e (deleted) may or may not be
          // seen; everything present throughout is, and nothing twice.
          await repository.create('ui-metric', { count: 1 }, { id: 'b' });
          await repository.create('ui-metric', { count: 1 }, { id: 'f' });
          await repository.delete('ui-metric', 'e');
          await repository.incrementCounter('ui-metric', 'a', 'count');
          await repository.incrementCounter('ui-metric', 'g', 'count');
        }
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => ['a', 'c', 'g', 'i'].includes(id))).toEqual(['a', 'c', 'g', 'i']);
      expect(seen.every((id) => ['a', 'c', 'e', 'f', 'g', 'i'].includes(id))).toBe(true);
    });

    it('releases the cursor of a scan stopped early, and a later scan starts afresh', async () => {
      const { repository, backend } = store();
      await repository.bulkCreate(Array.from({ length: 7 }, (_, i) => ({ type: 'ui-metric', id: `m${i}`, attributes: { count: i } })));
      const closeScan = jest.spyOn(backend, 'closeScan');
      try {
        for await (const page of repository.scan({ type: 'ui-metric', perPage: 3 })) {
          expect(page.map((o) => o.id)).toEqual(['m0', 'm1', 'm2']);
          break;
        }
        expect(closeScan).toHaveBeenCalledTimes(1);
        // Read to the end, a scan has nothing left to release.
        expect((await scanIds(repository, { type: 'ui-metric', perPage: 3 })).flat()).toHaveLength(7);
        expect(closeScan).toHaveBeenCalledTimes(1);
      } finally {
        closeScan.mockRestore();
      }
    });

    it('skips types this repository may not read, and refuses bad options at the call, naming them', async () => {
      const { repository, repositoryWithHidden } = store();
      await repositoryWithHidden.create('secret', { value: 'x' }, { id: 's1' });
      expect(await scanIds(repository, { type: ['secret', 'unknown'] })).toEqual([]);
      expect(await scanIds(repositoryWithHidden, { type: 'secret' })).toEqual([['secret/s1']]);

      for (const [options, message] of [
        [{ type: 'dashboard', perPage: 0 }, 'options.perPage must be an integer from 1 to 10000, got 0'],
        [{ type: 'dashboard', perPage: 10_001 }, 'options.perPage must be an integer from 1 to 10000'],
        [{ type: 'dashboard', perPage: 1.5 }, 'options.perPage must be an integer'],
        [{ type: [] }, 'options.type must be a string or an array of strings'],
        [{ type: 'dashboard', fields: 'title' }, 'options.fields must be an array of strings'],
      ] as Array<[SavedObjectsScanOptions, string]>) {
        let error: unknown;
        try {
          repository.scan(options);
        } catch (e) {
          error = e;
        }
        expect(SavedObjectsErrorHelpers.isBadRequestError(error)).toBe(true);
        expect((error as Error).message).toContain(message);
      }
    });
  });
}
