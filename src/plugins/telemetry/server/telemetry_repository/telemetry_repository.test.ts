import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { getTelemetrySavedObject, getTelemetrySavedObjectWithVersion } from './get_telemetry_saved_object';
import { updateTelemetrySavedObject } from './update_telemetry_saved_object';

const forbidden = () => SavedObjectsErrorHelpers.decorateForbiddenError(new Error('no'));
const notFound = () => SavedObjectsErrorHelpers.createGenericNotFoundError('telemetry', 'telemetry');

describe('getTelemetrySavedObject', () => {
  it('returns the attributes (and the version)', async () => {
    const get = jest.fn().mockResolvedValue({ attributes: { enabled: true }, version: 'v1' });
    expect(await getTelemetrySavedObject({ get })).toEqual({ enabled: true });
    expect(await getTelemetrySavedObjectWithVersion({ get })).toEqual({ attributes: { enabled: true }, version: 'v1' });
    expect(get).toHaveBeenCalledWith('telemetry', 'telemetry');
  });

  it('returns null when not found and false when forbidden', async () => {
    expect(await getTelemetrySavedObject({ get: jest.fn().mockRejectedValue(notFound()) })).toBeNull();
    expect(await getTelemetrySavedObject({ get: jest.fn().mockRejectedValue(forbidden()) })).toBe(false);
  });

  it('throws any other error', async () => {
    await expect(getTelemetrySavedObject({ get: jest.fn().mockRejectedValue(new Error('disk full')) })).rejects.toThrow('disk full');
  });
});

describe('updateTelemetrySavedObject', () => {
  it('updates the existing object and returns the new version', async () => {
    const client = { update: jest.fn().mockResolvedValue({ version: 'v2' }), create: jest.fn() };
    expect(await updateTelemetrySavedObject(client, { enabled: true }, { version: 'v1' })).toBe('v2');
    expect(client.update).toHaveBeenCalledWith('telemetry', 'telemetry', { enabled: true }, { version: 'v1' });
    expect(client.create).not.toHaveBeenCalled();
  });

  it('creates the object (without overwrite) when it does not exist', async () => {
    const client = { update: jest.fn().mockRejectedValue(notFound()), create: jest.fn().mockResolvedValue({ version: 'v0' }) };
    expect(await updateTelemetrySavedObject(client, { userHasSeenNotice: true })).toBe('v0');
    expect(client.create).toHaveBeenCalledWith('telemetry', { userHasSeenNotice: true }, { id: 'telemetry' });
  });

  it('does not create when a versioned update finds nothing, and passes other errors on', async () => {
    const client = { update: jest.fn().mockRejectedValue(notFound()), create: jest.fn() };
    await expect(updateTelemetrySavedObject(client, {}, { version: 'v1' })).rejects.toThrow();
    expect(client.create).not.toHaveBeenCalled();
    const failing = { update: jest.fn().mockRejectedValue(forbidden()), create: jest.fn() };
    const error = await updateTelemetrySavedObject(failing, {}).catch((e) => e);
    expect(SavedObjectsErrorHelpers.isForbiddenError(error)).toBe(true);
  });
});
