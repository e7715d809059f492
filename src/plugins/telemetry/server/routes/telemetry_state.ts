import { telemetryClient } from './telemetry_client';
import { ENDPOINT_VERSION } from '../../common/constants';
import type { TelemetryBrowserState } from '../../common/telemetry_state';
import type { TelemetryRouteDeps } from './types';

/**
 * `GET /api/telemetry/v2/state`: the effective opt-in state, read with the request's client (upstream's
 * browser read the saved object itself; ours has no saved-objects client). A forbidden saved object gives
 * the state the decision functions compute for it (locked to the config).
 */
export function registerTelemetryStateRoute({ router, optIn }: TelemetryRouteDeps) {
  router.get(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/state`, validate: false },
    router.handleLegacyErrors(async (context, _request, response) => {
      const { state } = await optIn.refresh(telemetryClient(context));
      const body: TelemetryBrowserState = {
        optIn: state.optIn,
        level: state.level,
        allowChangingOptInStatus: state.allowChangingOptInStatus,
        ...(state.lockedBy ? { lockedBy: state.lockedBy } : {}),
        sendUsageFrom: state.sendUsageFrom,
        notifyUserAboutOptInDefault: state.notifyUserAboutOptInDefault,
      };
      return response.ok({ body });
    })
  );
}
