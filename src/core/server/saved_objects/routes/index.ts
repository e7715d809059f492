export { registerSavedObjectsRoutes } from './register_routes';
export { SAVED_OBJECTS_API_LIMITS, SAVED_OBJECTS_API_PATH } from './route_schemas';
export type { SavedObjectsRoutesDeps } from './route_utils';
