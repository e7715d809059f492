import type { PluginInitializerContext } from '../../../../src/core/public';
import { BrowserTestPlugin } from './plugin';

export function plugin(initializerContext: PluginInitializerContext) {
  return new BrowserTestPlugin(initializerContext);
}
