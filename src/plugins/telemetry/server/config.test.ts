import { exportJWK, generateKeyPair } from 'jose';
import { configSchema } from './config';

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
});
