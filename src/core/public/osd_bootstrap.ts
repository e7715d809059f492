import '@opensearch-project/oui/dist/eui_theme_light.css';
import './rendering/core_styles.css';
import { CoreSystem } from './core_system';
import { readInjectedMetadata } from './injected_metadata/injected_metadata_service';
import { PluginModule } from './plugins/types';

/**
 * The browser bundle's entry calls this with every public half it imported. Reads the page's metadata and
 * starts the host.
 */
export function bootstrap(pluginModules: Record<string, PluginModule>) {
  const rootDomElement = document.getElementById('osd_app_root');
  if (!rootDomElement) throw new Error('The page has no #osd_app_root element.');
  const coreSystem = new CoreSystem({ rootDomElement, injectedMetadata: readInjectedMetadata(document), pluginModules });
  void coreSystem.run();
  return coreSystem;
}
