export { ADVANCED_SETTINGS_SECTION_ID, DEFAULT_SECTION_ORDER, ManagementSectionRegistry } from './section_registry';
export { SectionHistory } from './section_history';
export type {
  ManagementSection,
  ManagementSectionHistory,
  ManagementSectionMountParams,
  ManagementSectionSpec,
  ManagementSectionsSetup,
  ManagementSectionsStart,
  ManagementSectionUnmount,
} from './types';
