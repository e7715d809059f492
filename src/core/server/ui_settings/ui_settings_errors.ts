/** A value the user may not store; the message names the setting. Maps to HTTP 400. */
export class UiSettingsValidationError extends Error {
  public readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'UiSettingsValidationError';
  }
}

/** The setting is fixed by `uiSettings.overrides` in the config. Maps to HTTP 400. */
export class CannotOverrideError extends Error {
  public readonly statusCode = 400;
  constructor(key: string) {
    super(`Unable to update "${key}" because it is overridden`);
    this.name = 'CannotOverrideError';
  }
}
