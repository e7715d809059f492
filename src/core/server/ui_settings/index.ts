export { UiSettingsService, configSavedObjectType, CONFIG_TYPE } from './ui_settings_service';
export { UiSettingsClient } from './ui_settings_client';
export { uiSettingsConfig } from './ui_settings_config';
export { registerUiSettingsRoutes } from './routes';
export { UiSettingsValidationError, CannotOverrideError } from './ui_settings_errors';
export type * from './types';
