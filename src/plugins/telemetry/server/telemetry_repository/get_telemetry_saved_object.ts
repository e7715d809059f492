import { SavedObjectsErrorHelpers, type SavedObjectsClientContract } from '../../../../core/server';
import { TELEMETRY_SAVED_OBJECT_ID, TELEMETRY_SAVED_OBJECT_TYPE } from '../../common/constants';
import type { TelemetrySavedObject, TelemetrySavedObjectAttributes } from '../../common/telemetry_config';

/** The saved object and its version (for a conditional write), or `null`/`false` for not found/forbidden. */
export type TelemetrySavedObjectWithVersion =
  | { attributes: TelemetrySavedObjectAttributes; version?: string }
  | null
  | false;

/** Reads `telemetry/telemetry`: not found → `null`, forbidden → `false`; any other error is thrown. */
export async function getTelemetrySavedObjectWithVersion(
  client: Pick<SavedObjectsClientContract, 'get'>
): Promise<TelemetrySavedObjectWithVersion> {
  try {
    const { attributes, version } = await client.get<TelemetrySavedObjectAttributes>(TELEMETRY_SAVED_OBJECT_TYPE, TELEMETRY_SAVED_OBJECT_ID);
    return { attributes, version };
  } catch (error) {
    if (SavedObjectsErrorHelpers.isNotFoundError(error)) return null;
    if (SavedObjectsErrorHelpers.isForbiddenError(error)) return false;
    throw error;
  }
}

/** As above, without the version: the input of the decision functions. */
export async function getTelemetrySavedObject(client: Pick<SavedObjectsClientContract, 'get'>): Promise<TelemetrySavedObject> {
  const found = await getTelemetrySavedObjectWithVersion(client);
  return found ? found.attributes : found;
}
