import { schema } from '@osd/config-schema';
import { ENDPOINT_VERSION } from '../../common/constants';
import { defaultRange, type TelemetryRouteDeps } from './types';

const bodySchema = schema.object({
  enabled: schema.boolean(),
  unencrypted: schema.boolean({ defaultValue: true }),
});

/**
 * `POST /api/telemetry/v2/clusters/_opt_in_stats` `{ enabled, unencrypted? }`: what the opt-in status
 * report for `enabled` would hold, `[{ cluster_uuid, opt_in_status }]` (plain by default). Errors are errors.
 */
export function registerTelemetryOptInStatsRoute({ router, collectionManager, now = Date.now }: TelemetryRouteDeps) {
  router.post(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/clusters/_opt_in_stats`, validate: { body: bodySchema }, options: { tags: ['access:telemetry:opt_in'] } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const { enabled, unencrypted } = request.body;
      const stats = await collectionManager.getOptInStats(enabled, { unencrypted, ...defaultRange(now()), request });
      return response.ok({ body: stats });
    })
  );
}
