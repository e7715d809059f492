import { schema, TypeOf } from '@osd/config-schema';

/** `uiSettings.overrides`: values fixed by the operator; the UI shows them locked. */
export const uiSettingsConfig = {
  path: 'uiSettings',
  schema: schema.object({
    overrides: schema.recordOf(schema.string(), schema.any(), { defaultValue: {} }),
  }),
};
export type UiSettingsConfigType = TypeOf<typeof uiSettingsConfig.schema>;
