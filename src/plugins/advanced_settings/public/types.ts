import { ComponentRegistry } from './component_registry';

/** What other plugins get in setup: where to register page components. */
export interface AdvancedSettingsSetup {
  component: ComponentRegistry['setup'];
}

/** What other plugins get in start: the registered components. */
export interface AdvancedSettingsStart {
  component: ComponentRegistry['start'];
}
