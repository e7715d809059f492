/* Typed mocks of this plugin's contracts, for plugins that register Advanced Settings components or sections. */
// Not from component_registry.ts: that one loads OUI, which does not load under node.
import { componentType } from './component_registry/component_types';
import type { AdvancedSettingsSetup, AdvancedSettingsStart } from './types';

const createSetupContract = (): jest.Mocked<AdvancedSettingsSetup> => ({
  component: { componentType, register: jest.fn() },
  management: { registerSection: jest.fn() },
});

const createStartContract = (): jest.Mocked<AdvancedSettingsStart> => ({
  component: { componentType, get: jest.fn() },
  management: { getSections: jest.fn().mockReturnValue([]) },
});

export const advancedSettingsMock = { createSetupContract, createStartContract };
