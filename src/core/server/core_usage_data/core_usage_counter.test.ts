import { createRecordingLogger } from '../logging/logger.mock';
import { CoreUsageCounterRegistry } from './core_usage_counter';

describe('CoreUsageCounterRegistry', () => {
  it('drops increments until a counter is registered, then forwards them as given', () => {
    const registry = new CoreUsageCounterRegistry(createRecordingLogger());
    const incrementCounter = jest.fn();
    registry.incrementUsageCounter({ counterName: 'savedObjects.get' });
    registry.setup().registerUsageCounter({ incrementCounter });
    registry.incrementUsageCounter({ counterName: 'savedObjects.get' });
    registry.incrementUsageCounter({ counterName: 'uiSettings.set', counterType: 'count', incrementBy: 2 });
    expect(incrementCounter.mock.calls).toEqual([
      [{ counterName: 'savedObjects.get' }],
      [{ counterName: 'uiSettings.set', counterType: 'count', incrementBy: 2 }],
    ]);
  });

  it('throws at once for a second registration or something that is not a counter', () => {
    const registry = new CoreUsageCounterRegistry(createRecordingLogger());
    const setup = registry.setup();
    expect(() => setup.registerUsageCounter({} as any)).toThrow('expected a usage counter with an incrementCounter method');
    expect(() => setup.registerUsageCounter(undefined as any)).toThrow('expected a usage counter');
    setup.registerUsageCounter({ incrementCounter: jest.fn() });
    expect(() => setup.registerUsageCounter({ incrementCounter: jest.fn() })).toThrow('a usage counter is already registered');
  });

  it('never throws when the counter does: logs once', () => {
    const lines: string[] = [];
    const registry = new CoreUsageCounterRegistry(createRecordingLogger(lines));
    registry.setup().registerUsageCounter({
      incrementCounter: () => {
        throw new Error('boom');
      },
    });
    expect(() => registry.incrementUsageCounter({ counterName: 'savedObjects.find' })).not.toThrow();
    expect(() => registry.incrementUsageCounter({ counterName: 'savedObjects.find' })).not.toThrow();
    expect(lines).toEqual(['warn Could not count core usage [savedObjects.find]: boom; further failures are not logged']);
  });
});
