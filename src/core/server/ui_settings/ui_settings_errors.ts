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

/**
 * A value or a change over the bounds of `user_value_limits` (size, nesting, number of settings). A
 * validation error too, so every caller that maps those to 400 maps this one as well. `keys` are the settings
 * refused.
 */
export class UiSettingsLimitError extends UiSettingsValidationError {
  constructor(public readonly keys: string[], message: string) {
    super(message);
    this.name = 'UiSettingsLimitError';
  }
}
