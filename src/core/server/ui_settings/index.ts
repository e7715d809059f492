export { UiSettingsService, configSavedObjectType, CONFIG_TYPE } from './ui_settings_service';
export { UiSettingsClient } from './ui_settings_client';
export { uiSettingsConfig } from './ui_settings_config';
export { registerUiSettingsRoutes } from './routes';
export { UiSettingsValidationError, UiSettingsLimitError, CannotOverrideError } from './ui_settings_errors';
export { MAX_USER_SETTINGS, MAX_USER_VALUE_BYTES, MAX_USER_VALUE_DEPTH } from './user_value_limits';
export type * from './types';
