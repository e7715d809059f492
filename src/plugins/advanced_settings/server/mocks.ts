/* Typed no-op contracts of the Advanced Settings server half (settings are core's; it registers nothing). Only for Jest. */
import type { AdvancedSettingsServerPlugin } from './plugin';

export type AdvancedSettingsServerSetup = ReturnType<AdvancedSettingsServerPlugin['setup']>;
export type AdvancedSettingsServerStart = ReturnType<AdvancedSettingsServerPlugin['start']>;

const createSetupContract = (): AdvancedSettingsServerSetup => undefined;
const createStartContract = (): AdvancedSettingsServerStart => undefined;

export const advancedSettingsServerMock = { createSetupContract, createStartContract };
