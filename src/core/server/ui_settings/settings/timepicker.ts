import { schema } from '@osd/config-schema';
import type { UiSettingsParams } from '../types';

/**
 * Upstream's `timepicker:timeDefaults` (registered by its data plugin). No page here has a time picker yet:
 * the setting is registered and validated (`{ from, to }` as JSON) so a stored value keeps its meaning.
 */
export function getTimepickerSettings(): Record<string, UiSettingsParams> {
  return {
    'timepicker:timeDefaults': {
      name: 'Time filter defaults',
      value: `{
  "from": "now-15m",
  "to": "now"
}`,
      type: 'json',
      description: 'The timefilter selection to use when OpenSearch Dashboards is started without one',
      requiresPageReload: true,
      category: ['general'],
      // A JSON text is parsed by the object schema, so the stored text is checked field by field.
      schema: schema.object({ from: schema.string(), to: schema.string() }) as any,
    },
  };
}
