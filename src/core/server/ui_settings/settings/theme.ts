import { schema } from '@osd/config-schema';
import type { UiSettingsParams } from '../types';

/** Upstream's key; the rendering service links the OUI dark or light stylesheet by it. */
export const DARK_MODE_SETTING = 'theme:darkMode';

/** The page theme, as upstream registers it (a page reload applies it: the stylesheet is chosen server-side). */
export function getThemeSettings(): Record<string, UiSettingsParams> {
  return {
    [DARK_MODE_SETTING]: {
      name: 'Dark mode',
      value: false,
      description: 'Enable a dark mode for the OpenSearch Dashboards UI. A page refresh is required for the setting to be applied.',
      type: 'boolean',
      requiresPageReload: true,
      category: ['appearance'],
      schema: schema.boolean(),
    },
  };
}
