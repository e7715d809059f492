import { registerCreateApiKeyRoute } from './api_keys_create';
import { registerDeleteApiKeyRoute } from './api_keys_delete';
import { registerListApiKeysRoute } from './api_keys_list';
import { registerLoginRoute } from './login';
import { registerLoginPageRoute } from './login_page';
import { registerLogoutRoute } from './logout';
import { registerMeRoute } from './me';
import type { SecurityRouteDeps } from './types';
import { registerDeleteUserRoute } from './users_delete';
import { registerListUsersRoute } from './users_list';
import { registerPutUserRoute } from './users_put';

export type { SecurityRouteDeps, SecurityServices } from './types';
export { LOGIN_PAGE_PATH } from './login_page';

/** Every route of the security plugin (see each file for who may call it). */
export function registerSecurityRoutes(deps: SecurityRouteDeps) {
  registerLoginPageRoute(deps);
  registerLoginRoute(deps);
  registerLogoutRoute(deps);
  registerMeRoute(deps);
  registerPutUserRoute(deps);
  registerListUsersRoute(deps);
  registerDeleteUserRoute(deps);
  registerCreateApiKeyRoute(deps);
  registerListApiKeysRoute(deps);
  registerDeleteApiKeyRoute(deps);
}
