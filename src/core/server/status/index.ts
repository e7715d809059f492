export { StatusService, worstOf } from './status_service';
export { registerStatusRoute } from './routes/status';
export { ServiceStatusLevels } from './types';
export type { ServiceStatus, ServiceStatusLevel, CoreStatus, StatusServiceSetup, InternalStatusServiceSetup } from './types';
export { statusConfig } from './status_config';
export type { StatusConfigType } from './status_config';
