export { telemetrySavedObjectType } from './saved_object_type';
export { getTelemetrySavedObject, getTelemetrySavedObjectWithVersion } from './get_telemetry_saved_object';
export type { TelemetrySavedObjectWithVersion } from './get_telemetry_saved_object';
export { updateTelemetrySavedObject, createTelemetrySavedObject } from './update_telemetry_saved_object';
