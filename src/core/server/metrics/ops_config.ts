import { schema, TypeOf } from '@osd/config-schema';
import { timerDuration } from '../config/limits';

/**
 * `ops.*`: how often the ops metrics are sampled. Each sample reads process and OS counters, so an interval of
 * `0` (or a few ms) would keep the event loop busy sampling; 100 ms is already far finer than any dashboard.
 */
export const opsConfig = {
  path: 'ops',
  schema: schema.object({
    interval: timerDuration({ defaultValue: '5s', min: '100ms' }),
  }),
};

export type OpsConfigType = TypeOf<typeof opsConfig.schema>;
