import { ComponentRegistry } from './component_registry';
import type { ManagementSectionsSetup, ManagementSectionsStart } from './management_sections/types';

/** What other plugins get in setup: where to register page components and Management sections. */
export interface AdvancedSettingsSetup {
  component: ComponentRegistry['setup'];
  /** Adds pages of other plugins to the Management app's side nav. */
  management: ManagementSectionsSetup;
}

/** What other plugins get in start: the registered components and sections. */
export interface AdvancedSettingsStart {
  component: ComponentRegistry['start'];
  management: ManagementSectionsStart;
}
