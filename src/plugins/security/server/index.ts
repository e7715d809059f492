/*
 * The server half of the security plugin, as other plugins import it: `plugin`, `config` and types.
 */
import type { PluginInitializerContext } from '../../../core/server';
import type { SecurityConfigType } from './config';
import { SecurityPlugin } from './plugin';

export { config } from './config';
export type { SecurityConfigType } from './config';
export type { AuthenticationType, CurrentUser, SecurityAuthState, SecurityPluginSetup, SecurityPluginStart } from './types';
export { securityCapabilitiesSwitcher } from './authorization/capabilities_switcher';
export { ACCESS_TAG_PREFIX, AUTHENTICATED_ONLY_TAG, DEFAULT_ROUTE_PRIVILEGE } from './authorization/access_rule';
export { AUDIT_TAG_PREFIX } from './audit_interceptor';

export const plugin = (initializerContext: PluginInitializerContext<SecurityConfigType>) => new SecurityPlugin(initializerContext);
