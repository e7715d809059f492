import { createLoggerMock } from '../../usage_collection/server/mocks';
import { assertValidCollection, createCollectionRegistry } from './collection_registry';
import type { CollectionConfig } from './types';

const collection = (overrides: Partial<CollectionConfig> = {}): CollectionConfig => ({
  title: 'local',
  priority: 0,
  statsGetter: async () => [],
  clusterDetailsGetter: async () => [],
  ...overrides,
});

describe('assertValidCollection', () => {
  it.each([
    [{ priority: undefined }, 'priority must be set.'],
    [{ priority: NaN }, 'priority must be set.'],
    [{ title: '' }, 'title must be set.'],
    [{ statsGetter: undefined }, 'Stats getter method not set.'],
    [{ clusterDetailsGetter: undefined }, 'Cluster UUIds method is not set.'],
    [{ licenseGetter: 'nope' }, 'License getter method not set.'],
  ])('rejects %j with upstream message', (overrides, message) => {
    expect(() => assertValidCollection(collection(overrides as Partial<CollectionConfig>))).toThrow(message);
  });

  it('accepts a collection without licenseGetter', () => {
    expect(() => assertValidCollection(collection())).not.toThrow();
  });
});

describe('createCollectionRegistry', () => {
  it('orders by priority, highest first, keeps and logs a lower one as a fallback', () => {
    const logger = createLoggerMock();
    const onChange = jest.fn();
    const registry = createCollectionRegistry({ logger, onChange });
    registry.set(collection({ title: 'high', priority: 10 }));
    registry.set(collection({ title: 'low', priority: 0 }));
    registry.set(collection({ title: 'mid', priority: 5 }));
    expect(registry.ordered().map((c) => c.title)).toEqual(['high', 'mid', 'low']);
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('"low" (priority 0) is kept as a fallback: "high" (priority 10) is used first'));
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('logs a replacement when a higher priority arrives', () => {
    const logger = createLoggerMock();
    const registry = createCollectionRegistry({ logger });
    registry.set(collection({ title: 'low', priority: 0 }));
    registry.set(collection({ title: 'high', priority: 1 }));
    expect(registry.ordered()[0].title).toBe('high');
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('"high" (priority 1) replaces "low"'));
  });

  it('refuses a priority already taken', () => {
    const registry = createCollectionRegistry({ logger: createLoggerMock() });
    registry.set(collection());
    expect(() => registry.set(collection({ title: 'other' }))).toThrow('A Usage Getter with the same priority is already set.');
    expect(registry.ordered()).toHaveLength(1);
  });
});
