import { SavedObjectsErrorHelpers, type SavedObjectsClientContract } from '../../../../core/server';
import { TELEMETRY_SAVED_OBJECT_ID, TELEMETRY_SAVED_OBJECT_TYPE } from '../../common/constants';
import type { TelemetrySavedObjectAttributes } from '../../common/telemetry_config';

type Client = Pick<SavedObjectsClientContract, 'update' | 'create'>;

/**
 * Merges `attributes` into `telemetry/telemetry`, creating it when it does not exist yet. Errors are
 * thrown as they are (a 403 stays a 403). With `version`, the write happens only if the object still has
 * that version (409 otherwise); without one and no object, a concurrent creation also ends in a 409.
 * Returns the new version.
 */
export async function updateTelemetrySavedObject(
  client: Client,
  attributes: TelemetrySavedObjectAttributes,
  options: { version?: string } = {}
): Promise<string | undefined> {
  try {
    const updated = await client.update(TELEMETRY_SAVED_OBJECT_TYPE, TELEMETRY_SAVED_OBJECT_ID, attributes, options);
    return updated.version;
  } catch (error) {
    // With a version the object existed when it was read: a 404 now means it was deleted since, which is
    // as much a conflict as a newer version would be.
    if (!SavedObjectsErrorHelpers.isNotFoundError(error) || options.version !== undefined) throw error;
  }
  const created = await client.create(TELEMETRY_SAVED_OBJECT_TYPE, attributes, { id: TELEMETRY_SAVED_OBJECT_ID });
  return created.version;
}

/** Creates `telemetry/telemetry` only if nobody did yet (409 otherwise); returns its version. */
export async function createTelemetrySavedObject(client: Pick<SavedObjectsClientContract, 'create'>, attributes: TelemetrySavedObjectAttributes) {
  const created = await client.create(TELEMETRY_SAVED_OBJECT_TYPE, attributes, { id: TELEMETRY_SAVED_OBJECT_ID });
  return created.version;
}
