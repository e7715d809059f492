/*
 * The server half of usageInsights: `plugin` only (no config, no contracts).
 */
import type { PluginInitializerContext } from '../../../core/server';
import { UsageInsightsServerPlugin } from './plugin';

export const plugin = (context: PluginInitializerContext) => new UsageInsightsServerPlugin(context);
