import { configSchema } from './config';

describe('telemetry_collection_manager config', () => {
  it('caches reports for 4h by default; 0 turns the cache off', () => {
    expect(configSchema.validate({}).cacheTtl.asMilliseconds()).toBe(4 * 3600 * 1000);
    expect(configSchema.validate({ cacheTtl: 0 }).cacheTtl.asMilliseconds()).toBe(0);
    expect(configSchema.validate({ cacheTtl: '24h' }).cacheTtl.asMilliseconds()).toBe(24 * 3600 * 1000);
  });

  it('refuses a cache longer than a day or a malformed value, naming the key', () => {
    expect(() => configSchema.validate({ cacheTtl: '25h' })).toThrow('[cacheTtl]: Value must be equal to or less than [1d]');
    expect(() => configSchema.validate({ cacheTtl: '-1s' })).toThrow(/^\[cacheTtl\]: Failed to parse value/);
  });
});
