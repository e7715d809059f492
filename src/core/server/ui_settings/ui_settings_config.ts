import { schema, TypeOf } from '@osd/config-schema';
import { displayKey, userKeyProblem, userValueProblem } from './user_value_limits';

/**
 * `uiSettings.overrides`: values fixed by the operator; the UI shows them locked. They reach every page as
 * user values do, so they are held to the same bounds; the message names the setting.
 */
export const uiSettingsConfig = {
  path: 'uiSettings',
  schema: schema.object({
    overrides: schema.recordOf(schema.string(), schema.any(), {
      defaultValue: {},
      validate: (overrides: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(overrides)) {
          const problem = userKeyProblem(key) ?? userValueProblem(value);
          if (problem) return `cannot override ${displayKey(key)}: ${problem}`;
        }
      },
    }),
  }),
};
export type UiSettingsConfigType = TypeOf<typeof uiSettingsConfig.schema>;
