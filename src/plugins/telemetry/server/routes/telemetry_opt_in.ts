import { telemetryClient } from './telemetry_client';
import { schema } from '@osd/config-schema';
import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { ENDPOINT_VERSION } from '../../common/constants';
import { getTelemetryFailureDetails } from '../../common/telemetry_config';
import { getTelemetrySavedObjectWithVersion, updateTelemetrySavedObject } from '../telemetry_repository';
import { defaultRange, type TelemetryRouteDeps } from './types';

/** `level` is how much an opt-in sends (docs/consent.md); `full` when left out, ignored for an opt-out. */
const bodySchema = schema.object({
  enabled: schema.boolean(),
  level: schema.maybe(schema.oneOf([schema.literal('operational'), schema.literal('full')])),
});

/** Upstream's answer to a change while the choice is locked. */
export const NOT_ALLOWED_MESSAGE = 'Not allowed to change Opt-in Status.';

/**
 * `POST /api/telemetry/v2/optIn` `{ enabled }`: records the choice (with the version it was made on) and
 * answers the opt-in status of every cluster. 400 when the choice is locked (config, saved object or
 * environment) or `enabled` is not a boolean; 403 when the saved object is forbidden; a failed write is an
 * error, never a 200. An opt-in (not an opt-out) is announced to `optInStatusUrl` in the background,
 * coalesced with other toggles (at most one announcement per `optInStatusInterval`); an opt-out drops an
 * announcement still waiting. A change of the choice also resets the sender's failure count, which ends a
 * failure pause.
 */
export function registerTelemetryOptInRoute({ router, currentVersion, collectionManager, optIn, optInStatusSender, logger, now = Date.now }: TelemetryRouteDeps) {
  router.post(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/optIn`, validate: { body: bodySchema }, options: { tags: ['access:telemetry:opt_in', 'audit:telemetry_opt_in'] } },
    router.handleLegacyErrors(async (context, request, response) => {
      const client = telemetryClient(context);
      const found = await getTelemetrySavedObjectWithVersion(client);
      if (found === false) return response.forbidden();
      const before = optIn.compute(found ? found.attributes : null);
      if (!before.allowChangingOptInStatus) {
        const why = before.lockedBy === 'environment' ? ' Telemetry is disabled by the environment (DO_NOT_TRACK or OSD_TELEMETRY_DISABLED).' : '';
        return response.badRequest({ body: `${NOT_ALLOWED_MESSAGE}${why}` });
      }

      const enabled = request.body.enabled;
      const optInStats = await collectionManager.getOptInStats(enabled, { unencrypted: false, ...defaultRange(now()), request });
      const changed = before.optIn !== enabled;
      // A change of the choice ends a failure pause of the sender (common/retry_policy.ts).
      const resetFailures = changed && getTelemetryFailureDetails({ telemetrySavedObject: found ? found.attributes : null }).failureCount > 0;
      try {
        const level = enabled ? request.body.level ?? 'full' : undefined;
        await updateTelemetrySavedObject(client, {
          enabled,
          ...(level ? { level } : {}),
          lastVersionChecked: currentVersion,
          ...(resetFailures ? { reportFailureCount: 0 } : {}),
        });
      } catch (error) {
        if (SavedObjectsErrorHelpers.isForbiddenError(error)) return response.forbidden();
        throw error;
      }
      const after = await optIn.refresh().catch((error) => {
        logger.warn(`Could not read the telemetry opt-in state back: ${(error as Error).message}`);
        return undefined;
      });
      if (changed) logger.info(`Telemetry ${enabled ? 'opted in' : 'opted out'} through the API (was ${before.optIn === null ? 'undecided' : before.optIn ? 'opted in' : 'opted out'}).`);
      // Only an opt-in is announced: after an opt-out nothing leaves the server, not even that fact.
      if (enabled && before.optIn !== true && after?.state.optIn === true && after.state.sendUsageFrom === 'server') {
        optInStatusSender.announceOptIn(async () => optInStats);
      } else if (!enabled) {
        optInStatusSender.cancelPending();
      }
      return response.ok({ body: optInStats });
    })
  );
}
