import type { PluginInitializerContext } from '../../../core/public';
import { UsageInsightsPublicPlugin } from './plugin';

export type { UsageInsightsPublicPluginSetup, UsageInsightsPublicPluginStart } from './plugin';

export function plugin(_initializerContext: PluginInitializerContext) {
  return new UsageInsightsPublicPlugin();
}
