import { decodeVersion } from '../../version';
import { useFreshStore, type RepositoryContractHarness } from './types';

const ids = (response: { saved_objects: Array<{ id: string }> }) =>
  response.saved_objects.map((o) => o.id);

/** Deep paging, read-after-write visibility and persistence across backend instances. */
export function describeScaleContract(harness: RepositoryContractHarness) {
  describe('paging, visibility and persistence', () => {
    const fresh = useFreshStore(harness);
    const store = () => fresh.current;

    it('find pages past 10,000 objects and sees each exactly once', async () => {
      const total = 10_050;
      // One backend batch (one transaction in SQLite, one _bulk in OpenSearch) seeds every object.
      const seeded = await store().repository.bulkCreate(
        Array.from({ length: total }, (_, i) => ({
          type: 'ui-metric',
          id: `m-${String(i).padStart(5, '0')}`,
          attributes: { count: i },
        }))
      );
      expect(seeded.saved_objects.filter((o) => o.error)).toEqual([]);

      const seen = new Set<string>();
      let pages = 0;
      for (let page = 1; ; page++) {
        const response = await store().repository.find({ type: 'ui-metric', perPage: 1000, page });
        expect(response.total).toBe(total);
        if (response.saved_objects.length === 0) {
          break;
        }
        pages++;
        for (const object of response.saved_objects) {
          expect(seen.has(object.id)).toBe(false);
          seen.add(object.id);
        }
      }
      expect(pages).toBe(11);
      expect(seen.size).toBe(total);

      // The same objects through a scan: 11 pages, each object once.
      const scanned: string[] = [];
      let scanPages = 0;
      for await (const page of store().repository.scan({ type: 'ui-metric', perPage: 1000, fields: ['count'] })) {
        scanPages++;
        scanned.push(...page.map((o) => o.id));
      }
      expect(scanPages).toBe(11);
      expect(scanned.sort()).toEqual([...seen].sort());

      // A single deep page, sorted on an attribute, beyond the 10,000 window.
      const deep = await store().repository.find({
        type: 'ui-metric',
        sortField: 'count',
        sortOrder: 'desc',
        perPage: 5,
        page: 2005,
      });
      expect(deep.saved_objects.map((o) => (o.attributes as { count: number }).count)).toEqual([
        29, 28, 27, 26, 25,
      ]);
      // A deep page with a search, ranked by score then id.
      const searched = await store().repository.find({
        type: 'ui-metric',
        search: '*',
        perPage: 3,
        page: 3350,
      });
      expect(searched.total).toBe(total);
      expect(ids(searched)).toEqual(['m-10047', 'm-10048', 'm-10049']);
    });

    it('a find right after a write sees it (create, update, delete)', async () => {
      const { repository } = store();
      await repository.create('shared', { title: 'first draft' }, { id: 's1' });
      expect(ids(await repository.find({ type: 'shared', search: 'draft' }))).toEqual(['s1']);
      await repository.update('shared', 's1', { title: 'final' });
      expect(ids(await repository.find({ type: 'shared', search: 'draft' }))).toEqual([]);
      expect(ids(await repository.find({ type: 'shared', search: 'final' }))).toEqual(['s1']);
      await repository.incrementCounter('ui-metric', 'c1', 'count');
      expect((await repository.find({ type: 'ui-metric' })).total).toBe(1);
      await repository.delete('shared', 's1');
      expect((await repository.find({ type: 'shared' })).total).toBe(0);
    });

    it('a new backend instance sees the old data, and versions keep growing', async () => {
      const created = await store().repository.create('dashboard', { title: 'kept' }, { id: 'p1' });
      await store().repository.incrementCounter('ui-metric', 'visits', 'count', { incrementBy: 3 });
      await store().backend.close();

      const again = await store().attach();
      try {
        expect(await again.repository.get('dashboard', 'p1')).toMatchObject({
          attributes: { title: 'kept' },
          version: created.version,
        });
        expect((await again.repository.get('ui-metric', 'visits')).attributes).toEqual({ count: 3 });
        expect(ids(await again.repository.find({ type: 'dashboard', search: 'kept' }))).toEqual(['p1']);
        const next = await again.repository.create('dashboard', {}, { id: 'p2' });
        expect(decodeVersion(next.version).seqNo).toBeGreaterThan(decodeVersion(created.version).seqNo);
        await again.repository.incrementCounter('ui-metric', 'visits', 'count');
        expect((await again.repository.get('ui-metric', 'visits')).attributes).toEqual({ count: 4 });
      } finally {
        await again.dispose();
      }
    });
  });
}
