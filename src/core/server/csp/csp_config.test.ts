import { CspConfig } from './csp_config';
import { cspConfig } from './config';

// The default policy is checked exactly: a change to it widens or narrows what every page may load, so it
// should be a visible, reviewed change.
describe('CspConfig', () => {
  it('defaults to upstream OSD 2.x: three rules, not strict, legacy browsers warned', () => {
    expect({ ...CspConfig.DEFAULT }).toEqual({
      rules: ["script-src 'unsafe-eval' 'self'", "worker-src blob: 'self'", "style-src 'unsafe-inline' 'self'"],
      strict: false,
      warnLegacyBrowsers: true,
      header: "script-src 'unsafe-eval' 'self'; worker-src blob: 'self'; style-src 'unsafe-inline' 'self'",
      rulesChangedFromDefault: false,
    });
    expect({ ...new CspConfig() }).toEqual({ ...CspConfig.DEFAULT });
    expect({ ...new CspConfig(cspConfig.schema.validate({})) }).toEqual({ ...CspConfig.DEFAULT });
  });

  it('builds the header from the rules, and says whether they differ from the default', () => {
    const custom = new CspConfig({ rules: ['alpha', ' beta x ', 'gamma'] });
    expect(custom.header).toBe('alpha; beta x; gamma');
    expect(custom.rulesChangedFromDefault).toBe(true);
    expect(new CspConfig({ strict: true, warnLegacyBrowsers: false })).toMatchObject({ strict: true, warnLegacyBrowsers: false, rulesChangedFromDefault: false });
    // The same rules written again count as unchanged.
    expect(new CspConfig({ rules: [...CspConfig.DEFAULT.rules] }).rulesChangedFromDefault).toBe(false);
  });

  it('cannot be changed after it is built', () => {
    expect(() => (CspConfig.DEFAULT.rules as string[]).push('img-src *')).toThrow();
  });
});

describe('csp config schema', () => {
  const validate = (value: unknown) => () => cspConfig.schema.validate(value, {}, 'csp');

  it('accepts upstream\'s keys', () => {
    expect(cspConfig.schema.validate({ rules: ["default-src 'self'"], strict: true, warnLegacyBrowsers: false })).toEqual({
      rules: ["default-src 'self'"],
      strict: true,
      warnLegacyBrowsers: false,
    });
  });

  it('refuses bad values, naming the key', () => {
    expect(validate({ rules: true })).toThrow('[csp.rules]: expected value of type [array] but got [boolean]');
    expect(validate({ rules: "script-src 'self'" })).toThrow('[csp.rules]: could not parse array value from json input');
    expect(validate({ rules: [42] })).toThrow('[csp.rules.0]: expected value of type [string] but got [number]');
    expect(validate({ rules: ["script-src 'self'", ''] })).toThrow('[csp.rules.1]: a rule must not be empty');
    expect(validate({ rules: ["script-src 'self'\nX-Injected: 1"] })).toThrow('[csp.rules.0]: rule [');
    expect(validate({ rules: ["'self'"] })).toThrow('must start with a directive name');
    expect(validate({ strict: 'yes' })).toThrow('[csp.strict]: expected value of type [boolean] but got [string]');
    expect(validate({ warnLegacyBrowsers: 1 })).toThrow('[csp.warnLegacyBrowsers]: expected value of type [boolean]');
    expect(validate({ enable: true })).toThrow('[csp.enable]: definition for this key is missing');
  });
});
