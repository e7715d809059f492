import { configSchema } from './config';

describe('security config', () => {
  it('is on by default, with 1h idle, 8h lifespan, a 10m sweep and no Secure flag', () => {
    const config = configSchema.validate({});
    expect(config.enabled).toBe(true);
    expect(config.session.idleTimeout.asMilliseconds()).toBe(3_600_000);
    expect(config.session.lifespan.asMilliseconds()).toBe(8 * 3_600_000);
    expect(config.session.cleanupInterval.asMilliseconds()).toBe(600_000);
    expect(config.cookie.secure).toBe(false);
  });

  it('refuses durations outside their bounds, naming the key', () => {
    expect(() => configSchema.validate({ session: { idleTimeout: '1m' } }, {}, 'security')).toThrow('[security.session.idleTimeout]');
    expect(() => configSchema.validate({ session: { lifespan: '1m' } }, {}, 'security')).toThrow('[security.session.lifespan]');
    expect(() => configSchema.validate({ session: { cleanupInterval: '1s' } }, {}, 'security')).toThrow('[security.session.cleanupInterval]');
    expect(() => configSchema.validate({ cookie: { secure: 'yes' } }, {}, 'security')).toThrow('[security.cookie.secure]');
    expect(configSchema.validate({ session: { idleTimeout: '2m', lifespan: '30d' } }).session.lifespan.asMilliseconds()).toBe(30 * 86_400_000);
  });
});
