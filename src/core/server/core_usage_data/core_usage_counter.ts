import type { Logger } from '../logging';
import type { CoreIncrementCounterParams, CoreUsageCounter, CoreUsageCounterSink, CoreUsageDataSetup } from './types';

/**
 * Where core's routes count their use (`savedObjects.get`, `uiSettings.set`, …): the counter a plugin
 * registered at setup (usage_collection's `core` domain), or nowhere while none is. Counting is an in-memory
 * increment that never fails and never slows a request: a counter that throws is logged once and ignored.
 */
export class CoreUsageCounterRegistry implements CoreUsageCounterSink {
  private counter?: CoreUsageCounter;
  private warned = false;

  constructor(private readonly logger: Logger) {}

  public setup(): CoreUsageDataSetup {
    return {
      registerUsageCounter: (usageCounter) => {
        if (this.counter) throw new Error('core.coreUsageData.registerUsageCounter: a usage counter is already registered');
        if (typeof usageCounter?.incrementCounter !== 'function') {
          throw new Error('core.coreUsageData.registerUsageCounter: expected a usage counter with an incrementCounter method');
        }
        this.counter = usageCounter;
      },
    };
  }

  public incrementUsageCounter(params: CoreIncrementCounterParams): void {
    if (!this.counter) return;
    try {
      this.counter.incrementCounter(params);
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      this.logger.warn(`Could not count core usage [${params.counterName}]: ${(error as Error).message}; further failures are not logged`);
    }
  }
}
