/* Typed mocks of the security plugin's browser contracts, for public halves that depend on it. Only for Jest. */
import type { AuthenticatedUser, SecurityPublicPluginSetup, SecurityPublicPluginStart } from './types';

const createSetupContract = ({ enabled = true } = {}): SecurityPublicPluginSetup => ({ enabled });

/** `getCurrentUser` resolves `user` (the admin by default; undefined with security off, as the plugin). */
function createStartContract({
  enabled = true,
  user = { username: 'admin', roles: ['admin'], authenticationType: 'session' },
}: { enabled?: boolean; user?: AuthenticatedUser } = {}): jest.Mocked<SecurityPublicPluginStart> {
  return { enabled, getCurrentUser: jest.fn(async () => (enabled ? user : undefined)) };
}

export const securityPublicPluginMock = { createSetupContract, createStartContract };
