export { ApplicationService } from './application_service';
export { createBrowserHistory } from './browser_history';
export { AppRouter } from './app_router';
export { ScopedHistory } from './scoped_history';
export type { AppLocation } from './scoped_history';
export type * from './types';
