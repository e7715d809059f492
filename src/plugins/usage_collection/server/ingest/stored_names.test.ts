import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../common/constants';
import {
  APPLICATION_USAGE_DAILY_TYPE,
  APPLICATION_USAGE_TOTALS_TYPE,
  APPLICATION_USAGE_TRANSACTIONAL_TYPE,
} from '../collectors/application_usage/saved_object_types';
import { createTestStore } from '../test_store';
import { STORED_NAMES_PAGE_SIZE, storedApplicationIds, storedUiMetricIds, type NameSource } from './stored_names';

async function collect(pages: AsyncIterable<string[]>) {
  const all: string[] = [];
  let count = 0;
  for await (const page of pages) {
    count++;
    all.push(...page);
  }
  return { all, pages: count };
}

describe('stored names (real SQLite store)', () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeAll(async () => {
    store = await createTestStore();
    const ops = Array.from({ length: 2500 }, (_, i) => ({ type: UI_METRIC_SAVED_OBJECT_TYPE, id: `app${i % 7}:event_${i}`, counterFieldName: 'count', incrementBy: 1 }));
    await store.repository.incrementCounters(ops, { returnObjects: false });
    const usage = (type: string, appId: string, id?: string) => ({ type, id, attributes: { appId, minutesOnScreen: 1, numberOfClicks: 1 } });
    await store.repository.bulkCreate(
      [
        usage(APPLICATION_USAGE_TOTALS_TYPE, 'old_app', 'old_app'),
        usage(APPLICATION_USAGE_DAILY_TYPE, 'home', 'home:2024-01-01'),
        usage(APPLICATION_USAGE_DAILY_TYPE, 'home', 'home:2024-01-02'),
        usage(APPLICATION_USAGE_DAILY_TYPE, 'discover', 'discover:2024-01-02'),
        usage(APPLICATION_USAGE_TRANSACTIONAL_TYPE, 'dev_tools'),
        usage(APPLICATION_USAGE_TRANSACTIONAL_TYPE, 'home'),
      ],
      { overwrite: true }
    );
  });
  afterAll(() => store.close());

  it('lists every ui-metric id, in bounded pages, through find', async () => {
    const source: NameSource = { find: store.repository.find.bind(store.repository) };
    const { all, pages } = await collect(storedUiMetricIds(source, 1000));
    expect(pages).toBe(3);
    expect(new Set(all).size).toBe(2500);
    expect(all).toContain('app3:event_10');
  });

  it('lists through scan when the store offers it (keyset pages), never through find then', async () => {
    const find = jest.fn();
    const scan = jest.fn(async function* (options: { type: string | string[]; perPage?: number; fields?: string[] }) {
      expect(options).toEqual({ type: 'ui-metric', perPage: 1000, fields: ['count'] });
      yield [{ id: 'a:b' }, { id: 'a:c' }];
      yield [{ id: 'd:e' }];
    });
    const { all } = await collect(storedUiMetricIds({ find, scan } as unknown as NameSource, 1000));
    expect(all).toEqual(['a:b', 'a:c', 'd:e']);
    expect(find).not.toHaveBeenCalled();
    // And the real repository, whichever way it lists, gives every id.
    const viaRepository = await collect(storedUiMetricIds(store.repository as unknown as NameSource, 1000));
    expect(new Set(viaRepository.all).size).toBe(2500);
  });

  it('reads a store of 50,000 counters in bounded pages of the default size', async () => {
    const big = await createTestStore();
    try {
      for (let chunk = 0; chunk < 5; chunk++) {
        const ops = Array.from({ length: 10000 }, (_, i) => ({ type: UI_METRIC_SAVED_OBJECT_TYPE, id: `app${i % 10}:e_${chunk}_${i}`, counterFieldName: 'count', incrementBy: 1 }));
        await big.repository.incrementCounters(ops, { returnObjects: false });
      }
      const sizes: number[] = [];
      const ids = new Set<string>();
      for await (const page of storedUiMetricIds(big.repository as unknown as NameSource)) {
        sizes.push(page.length);
        for (const id of page) ids.add(id);
      }
      expect(ids.size).toBe(50000);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(STORED_NAMES_PAGE_SIZE);
      expect(sizes.length).toBeGreaterThanOrEqual(50000 / STORED_NAMES_PAGE_SIZE);
    } finally {
      await big.close();
    }
  });

  it('lists every application id with usage: totals, daily and transactional documents', async () => {
    const { all } = await collect(storedApplicationIds(store.repository as unknown as NameSource, 2));
    expect(new Set(all)).toEqual(new Set(['old_app', 'home', 'discover', 'dev_tools']));
  });
});
