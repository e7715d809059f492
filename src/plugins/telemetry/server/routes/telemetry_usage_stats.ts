import { schema } from '@osd/config-schema';
import { ENDPOINT_VERSION } from '../../common/constants';
import { defaultRange, type TelemetryRouteDeps } from './types';

const dateValue = schema.oneOf([schema.string(), schema.number()], {
  validate: (value) => (Number.isNaN(new Date(value).getTime()) ? `${value} is not a valid date` : undefined),
});

const bodySchema = schema.object({
  unencrypted: schema.boolean({ defaultValue: false }),
  /** Optional here (upstream requires it): the last 20 minutes by default. */
  timeRange: schema.maybe(schema.object({ min: dateValue, max: dateValue })),
  /** Collect again instead of serving the cached report. */
  refreshCache: schema.boolean({ defaultValue: false }),
  /** Build at this level (a preview of what each level sends); the consent decision's level otherwise. */
  level: schema.maybe(schema.oneOf([schema.literal('operational'), schema.literal('full')])),
});

/**
 * `POST /api/telemetry/v2/clusters/_stats`: the report. `unencrypted: true` gives every cluster's plain
 * report (the admin preview); otherwise what may be sent (opted-in clusters, encrypted when a key is set).
 * A failed collection is a 500 with its reason (upstream answered 200 `[]`).
 */
export function registerTelemetryUsageStatsRoute({ router, collectionManager, now = Date.now }: TelemetryRouteDeps) {
  router.post(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/clusters/_stats`, validate: { body: bodySchema }, options: { tags: ['access:telemetry:read_report'] } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const { unencrypted, timeRange, refreshCache, level } = request.body;
      const range = timeRange
        ? { start: new Date(timeRange.min).toISOString(), end: new Date(timeRange.max).toISOString() }
        : defaultRange(now());
      try {
        // A sendable report is always built at the decided level: only a plain preview may name another.
        const stats = await collectionManager.getStats({ unencrypted, ...range, request, refreshCache, ...(unencrypted && level ? { level } : {}) });
        return response.ok({ body: stats });
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 403) throw error;
        return response.customError({ statusCode: 500, body: { message: `Could not build the telemetry report: ${(error as Error).message}` } });
      }
    })
  );
}
