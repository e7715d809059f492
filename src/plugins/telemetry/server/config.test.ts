import { exportJWK, generateKeyPair } from 'jose';
import { configSchema, DURATION_LIMITS } from './config';

describe('telemetry config', () => {
  it('has upstream defaults, no optIn default, and the sender timings', () => {
    const config = configSchema.validate({}, { dist: false });
    expect(config).toMatchObject({
      enabled: true,
      allowChangingOptInStatus: true,
      banner: true,
      sendUsageFrom: 'server',
      url: 'https://telemetry-staging.opensearch.org/xpack/v2/send',
      optInStatusUrl: 'https://telemetry-staging.opensearch.org/opt_in_status/v2/send',
    });
    expect(config.optIn).toBeUndefined();
    expect(config.encryptionKey).toBeUndefined();
    expect(config.initialCheckDelay.asMilliseconds()).toBe(5 * 60 * 1000);
    expect(config.checkInterval.asMilliseconds()).toBe(12 * 3600 * 1000);
    expect(config.reportInterval.asMilliseconds()).toBe(24 * 3600 * 1000);
    expect(config.retryDelay.asMilliseconds()).toBe(3600 * 1000);
    expect(config.failurePause.asMilliseconds()).toBe(24 * 3600 * 1000);
    expect(config.requestTimeout.asMilliseconds()).toBe(30000);
    expect(config.optInStatusInterval.asMilliseconds()).toBe(60000);
    expect(configSchema.validate({}, { dist: true }).url).toBe('https://telemetry.opensearch.org/xpack/v2/send');
  });

  it('accepts a lock in both directions (upstream refuses optIn: false with the lock)', () => {
    expect(configSchema.validate({ allowChangingOptInStatus: false, optIn: false }, { dist: false })).toMatchObject({ optIn: false });
    expect(configSchema.validate({ allowChangingOptInStatus: false, optIn: true }, { dist: false })).toMatchObject({ optIn: true });
  });

  it('refuses a sendUsageFrom or url it cannot use', () => {
    expect(() => configSchema.validate({ sendUsageFrom: 'elsewhere' }, { dist: false })).toThrow(/sendUsageFrom/);
    expect(() => configSchema.validate({ url: 'ftp://x' }, { dist: false })).toThrow(/url/);
  });

  it('takes a public JWK as an object or JSON text, and refuses a private key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1' };
    expect(configSchema.validate({ encryptionKey: jwk }, { dist: false }).encryptionKey).toEqual(jwk);
    expect(configSchema.validate({ encryptionKey: JSON.stringify(jwk) }, { dist: false }).encryptionKey).toBe(JSON.stringify(jwk));
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'k1' };
    expect(() => configSchema.validate({ encryptionKey: privateJwk }, { dist: false })).toThrow(/public key only/);
    expect(() => configSchema.validate({ encryptionKey: '{' }, { dist: false })).toThrow(/not valid JSON/);
  });

  it.each([
    ['reportInterval', '0', 'greater than [1m]'],
    ['reportInterval', '59s', 'greater than [1m]'],
    ['reportInterval', '366d', 'less than [365d]'],
    ['initialCheckDelay', '999ms', 'greater than [1s]'],
    ['initialCheckDelay', '25d', 'less than [24d]'],
    ['checkInterval', '9s', 'greater than [10s]'],
    ['checkInterval', '25d', 'less than [24d]'],
    ['retryDelay', '0', 'greater than [1s]'],
    ['retryDelay', '8d', 'less than [7d]'],
    ['failurePause', '59s', 'greater than [1m]'],
    ['failurePause', '25d', 'less than [24d]'],
    ['requestTimeout', '0', 'greater than [1s]'],
    ['requestTimeout', '11m', 'less than [10m]'],
    ['optInStatusInterval', '9s', 'greater than [10s]'],
    ['optInStatusInterval', '2h', 'less than [1h]'],
  ])('refuses %s: %s, naming the key', (key, value, message) => {
    expect(() => configSchema.validate({ [key]: value }, { dist: false })).toThrow(`[${key}]: Value must be equal to or ${message}`);
  });

  it('keeps 30 reports by default (1 to 1000, whole numbers) and sends them unless generateOnly', () => {
    const config = configSchema.validate({}, { dist: false });
    expect(config.history.maxReports).toBe(30);
    expect(config.generateOnly).toBe(false);
    expect(configSchema.validate({ history: { maxReports: 1000 }, generateOnly: true }, { dist: false })).toMatchObject({ history: { maxReports: 1000 }, generateOnly: true });
    expect(() => configSchema.validate({ history: { maxReports: 0 } }, { dist: false })).toThrow('[history.maxReports]: Value must be equal to or greater than [1]');
    expect(() => configSchema.validate({ history: { maxReports: 1001 } }, { dist: false })).toThrow('[history.maxReports]: Value must be equal to or lower than [1000]');
    expect(() => configSchema.validate({ history: { maxReports: 2.5 } }, { dist: false })).toThrow('[history.maxReports]: must be a whole number, got 2.5');
    expect(() => configSchema.validate({ generateOnly: 'yes' }, { dist: false })).toThrow('[generateOnly]');
  });

  it('accepts every bound itself, and every bound fits a timer', () => {
    for (const [key, { min, max }] of Object.entries(DURATION_LIMITS)) {
      expect(() => configSchema.validate({ [key]: min }, { dist: false })).not.toThrow();
      const config = configSchema.validate({ [key]: max }, { dist: false }) as unknown as Record<string, { asMilliseconds(): number }>;
      if (key !== 'reportInterval' && key !== 'retryDelay') expect(config[key].asMilliseconds()).toBeLessThanOrEqual(2 ** 31 - 1);
    }
    // Twice the longest retry delay (the last wait before the pause) still fits a timer.
    expect(2 * configSchema.validate({ retryDelay: '7d' }, { dist: false }).retryDelay.asMilliseconds()).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});
