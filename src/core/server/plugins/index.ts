export { PluginsService } from './plugins_service';
export type { UiPluginInfo } from './plugins_service';
export { PluginsSystem } from './plugins_system';
export { PluginWrapper } from './plugin';
export * from './discovery';
export type * from './types';
