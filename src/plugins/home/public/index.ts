import type { PluginInitializerContext } from '../../../core/public';
import { HomePublicPlugin } from './plugin';

export type { HomePublicPluginSetup, HomePublicPluginStart } from './plugin';

export function plugin(_initializerContext: PluginInitializerContext) {
  return new HomePublicPlugin();
}
