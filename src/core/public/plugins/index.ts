export { PluginsService } from './plugins_service';
export { sortUiPlugins } from './plugins_order';
export type * from './types';
