import React from 'react';
import type { PluginInitializerContext } from '../../../core/public';
import { Field } from './management_app/components/field';
import { AdvancedSettingsPlugin } from './plugin';

export type { AdvancedSettingsSetup, AdvancedSettingsStart } from './types';
export type {
  ManagementSection,
  ManagementSectionHistory,
  ManagementSectionMountParams,
  ManagementSectionSpec,
  ManagementSectionsSetup,
  ManagementSectionsStart,
  ManagementSectionUnmount,
} from './management_sections/types';
export { ComponentRegistry } from './component_registry';
export type { ComponentId, RegistryComponent } from './component_registry';
export { Field } from './management_app/components/field';
export type { FieldProps } from './management_app/components/field';
export type { FieldSetting, FieldState, SettingsChanges } from './management_app/types';

/**
 * The setting editor as upstream exports it: a lazy component, to be used inside `React.Suspense`. Here it
 * is in the bundle already, so it resolves at once.
 */
export const LazyField = React.lazy(async () => ({ default: Field }));

export function plugin(_initializerContext: PluginInitializerContext) {
  return new AdvancedSettingsPlugin();
}
