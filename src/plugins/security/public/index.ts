/*
 * The browser half of the security plugin: the login page, the header's user menu and Management → Users
 * and API keys.
 */
import type { PluginInitializerContext } from '../../../core/public';
import { SecurityPublicPlugin } from './plugin';
import type { SecurityPublicConfig } from './types';

export type { AuthenticatedUser, SecurityPublicPluginSetup, SecurityPublicPluginSetupDeps, SecurityPublicPluginStart } from './types';
export { safeNextUrl } from './login/next_url';

export const plugin = (initializerContext: PluginInitializerContext<SecurityPublicConfig>) => new SecurityPublicPlugin(initializerContext);
