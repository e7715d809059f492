import type { RequestHandlerContext } from '../../../../core/server';
import { TELEMETRY_SAVED_OBJECT_TYPE } from '../../common/constants';

/** The request's saved-objects client, with the hidden `telemetry` type these routes own. */
export function telemetryClient(context: RequestHandlerContext) {
  return context.core.savedObjects.getClient({ includedHiddenTypes: [TELEMETRY_SAVED_OBJECT_TYPE] });
}
