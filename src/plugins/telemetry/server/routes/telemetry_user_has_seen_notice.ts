import { telemetryClient } from './telemetry_client';
import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { ENDPOINT_VERSION } from '../../common/constants';
import { getTelemetrySavedObjectWithVersion, updateTelemetrySavedObject } from '../telemetry_repository';
import type { TelemetryRouteDeps } from './types';

/**
 * `PUT /api/telemetry/v2/userHasSeenNotice`: records that the "opted in by default" notice was dismissed;
 * answers the saved object's attributes. 403 when the saved object is forbidden; other errors are errors.
 */
export function registerTelemetryUserHasSeenNotice({ router, optIn, logger }: TelemetryRouteDeps) {
  router.put(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/userHasSeenNotice`, validate: false, options: { tags: ['access:telemetry:opt_in'] } },
    router.handleLegacyErrors(async (context, _request, response) => {
      const client = telemetryClient(context);
      const found = await getTelemetrySavedObjectWithVersion(client);
      if (found === false) return response.forbidden();
      try {
        await updateTelemetrySavedObject(client, { userHasSeenNotice: true });
      } catch (error) {
        if (SavedObjectsErrorHelpers.isForbiddenError(error)) return response.forbidden();
        throw error;
      }
      await optIn.refresh().catch((error) => logger.warn(`Could not read the telemetry opt-in state back: ${(error as Error).message}`));
      return response.ok({ body: { ...(found ? found.attributes : {}), userHasSeenNotice: true } });
    })
  );
}
