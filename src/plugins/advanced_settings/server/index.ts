import { PluginInitializerContext } from '../../../core/server';
import { AdvancedSettingsServerPlugin } from './plugin';

export function plugin(_initializerContext: PluginInitializerContext) {
  return new AdvancedSettingsServerPlugin();
}
