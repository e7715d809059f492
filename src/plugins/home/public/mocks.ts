/* Typed no-op contracts of the home plugin (it offers nothing to other plugins yet). Only for Jest. */
import type { HomePublicPluginSetup, HomePublicPluginStart } from './plugin';

const createSetupContract = (): HomePublicPluginSetup => undefined;
const createStartContract = (): HomePublicPluginStart => undefined;

export const homePluginMock = { createSetupContract, createStartContract };
