import type { MakeSchemaFrom, UsageCollectionSetup } from '../../../usage_collection/server';
import type { TelemetrySendUsageFrom } from '../../common/telemetry_config';
import type { OptInReading } from '../opt_in_state';

/** What the `telemetry` collector reports. */
export interface TelemetryUsageStats {
  /** `true` opted in, `false` opted out, `null` while nobody decided. */
  opt_in_status?: boolean | null;
  usage_fetcher: TelemetrySendUsageFrom;
  /** When the last report was sent (epoch ms). */
  last_reported?: number;
}

export const telemetryUsageSchema: MakeSchemaFrom<TelemetryUsageStats> = {
  opt_in_status: { type: 'boolean', _meta: { description: 'Whether the deployment is opted in to telemetry' } },
  usage_fetcher: { type: 'keyword', _meta: { description: 'Who sends the report: server or browser' } },
  last_reported: { type: 'long', _meta: { description: 'When the last report was sent, epoch ms' } },
};

/** What the collector reads: the opt-in state, once the server has started (undefined before). */
export interface TelemetryCollectorDeps {
  readState: (() => Promise<OptInReading>) | undefined;
}

/** The collector's data for one reading. Pure. */
export function toTelemetryUsage({ state, savedObject }: OptInReading): TelemetryUsageStats {
  const lastReported = savedObject ? savedObject.attributes.lastReported : undefined;
  return {
    opt_in_status: state.optIn,
    usage_fetcher: state.sendUsageFrom,
    ...(typeof lastReported === 'number' ? { last_reported: lastReported } : {}),
  };
}

/**
 * Registers the `telemetry` collector. Its `opt_in_status` is what the collection manager checks before a
 * report may leave, so a failure to read the state fails the collector (and the report is not sent).
 */
export function registerTelemetryPluginUsageCollector(usageCollection: UsageCollectionSetup, getDeps: () => TelemetryCollectorDeps) {
  const collector = usageCollection.makeUsageCollector<TelemetryUsageStats>({
    type: 'telemetry',
    category: 'operational',
    schema: telemetryUsageSchema,
    isReady: () => getDeps().readState !== undefined,
    fetch: async () => {
      const readState = getDeps().readState;
      if (!readState) return undefined;
      return toTelemetryUsage(await readState());
    },
  });
  usageCollection.registerCollector(collector);
}
