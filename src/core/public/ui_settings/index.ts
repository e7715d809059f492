export { UiSettingsService } from './ui_settings_service';
export { UiSettingsClient, SETTINGS_API } from './ui_settings_client';
export type * from './types';
