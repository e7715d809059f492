/* Typed mocks of the security plugin's server contracts, for plugins that depend on it. Only for Jest. */
import type { SecurityAuthState, SecurityPluginSetup, SecurityPluginStart } from './types';

/** `enabled` as `security.enabled` would say (default on, as the plugin's default). */
const createSetupContract = ({ enabled = true } = {}): SecurityPluginSetup => ({ enabled });
const createStartContract = ({ enabled = true } = {}): SecurityPluginStart => ({ enabled });

/** What `core.http.auth.get(request).state` holds for a signed-in caller (the admin by default). */
const createAuthState = (overrides: Partial<SecurityAuthState> = {}): SecurityAuthState => ({
  username: 'admin',
  roles: ['admin'],
  authenticationType: 'basic',
  ...overrides,
});

export const securityPluginMock = { createSetupContract, createStartContract, createAuthState };
