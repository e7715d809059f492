/** A start-up stopping configuration problem; its message names the key and where it was set. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
