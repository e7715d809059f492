import type { TelemetrySavedObject } from '../telemetry_config/types';
import { decideConsent, levelAllows, mayLeave, reportLevelFor, type ConsentConfig, type ConsentDecision, type ConsentInputs } from './decide_consent';
import { isUpgradeSince } from './version';

const V = '2.19.0';
const open: ConsentConfig = { allowChangingOptInStatus: true };
const decide = (config: ConsentConfig, stored: TelemetrySavedObject, environment: ConsentInputs['environment'] = {}) =>
  decideConsent({ config, environment, stored, currentVersion: V });
const row = (d: ConsentDecision) => [d.level, d.decided, d.locked, d.lockedBy ?? '-', d.reason];

describe('decideConsent: the whole truth table', () => {
  // [what, config, stored, expected [level, decided, locked, lockedBy, reason]]
  const TABLE: Array<[string, ConsentConfig, TelemetrySavedObject, unknown[]]> = [
    // Nothing set anywhere.
    ['fresh install', open, null, ['off', false, false, '-', 'undecided']],
    ['stored object without a choice', open, {}, ['off', false, false, '-', 'undecided']],
    ['stored null choice', open, { enabled: null }, ['off', false, false, '-', 'undecided']],
    ['unreadable stored state', open, false, ['off', false, false, '-', 'unreadable']],
    // The config's default.
    ['config opt-in', { ...open, optIn: true }, null, ['full', true, false, '-', 'config_default']],
    ['config opt-in at operational', { ...open, optIn: true, level: 'operational' }, null, ['operational', true, false, '-', 'config_default']],
    ['config opt-out', { ...open, optIn: false }, null, ['off', true, false, '-', 'config_default']],
    ['config opt-in, unreadable state', { ...open, optIn: true }, false, ['off', false, false, '-', 'unreadable']],
    // The admin's choice wins over the config's default.
    ['admin opted in (no stored level: full)', { ...open, optIn: false }, { enabled: true }, ['full', true, false, '-', 'admin_choice']],
    ['admin opted in at operational', { ...open, optIn: true, level: 'full' }, { enabled: true, level: 'operational' }, ['operational', true, false, '-', 'admin_choice']],
    ['admin opted in, malformed stored level', open, { enabled: true, level: 'most' as any }, ['full', true, false, '-', 'admin_choice']],
    ['admin opted out on this version', { ...open, optIn: true }, { enabled: false, lastVersionChecked: V }, ['off', true, false, '-', 'admin_choice']],
    ['admin opted out on a pre-release of this version: it stands', open, { enabled: false, lastVersionChecked: '2.19.0-rc1' }, ['off', true, false, '-', 'admin_choice']],
    ['admin opted out, then a downgrade', open, { enabled: false, lastVersionChecked: '2.20.1' }, ['off', true, false, '-', 'admin_choice']],
    ['admin opted out on 2.18: asked again', open, { enabled: false, lastVersionChecked: '2.18.3' }, ['off', false, false, '-', 'asked_again_after_upgrade']],
    ['admin opted out on 1.3: asked again', open, { enabled: false, lastVersionChecked: '1.3.0' }, ['off', false, false, '-', 'asked_again_after_upgrade']],
    ['opt-out without a version: asked again', open, { enabled: false }, ['off', false, false, '-', 'asked_again_after_upgrade']],
    ['opt-out with an unreadable version: asked again', open, { enabled: false, lastVersionChecked: 'banana' }, ['off', false, false, '-', 'asked_again_after_upgrade']],
    // A config lock wins over the stored choice.
    ['locked opt-in beats a stored opt-out', { optIn: true, allowChangingOptInStatus: false }, { enabled: false, lastVersionChecked: V }, ['full', true, true, 'config', 'config_lock']],
    ['locked opt-in at operational beats a stored full', { optIn: true, level: 'operational', allowChangingOptInStatus: false }, { enabled: true, level: 'full' }, ['operational', true, true, 'config', 'config_lock']],
    ['locked opt-out beats a stored opt-in', { optIn: false, allowChangingOptInStatus: false }, { enabled: true }, ['off', true, true, 'config', 'config_lock']],
    ['locked opt-in, even when the state is unreadable', { optIn: true, allowChangingOptInStatus: false }, false, ['full', true, true, 'config', 'config_lock']],
    ['lock without optIn keeps the stored choice, at the config level', { allowChangingOptInStatus: false, level: 'operational' }, { enabled: true, level: 'full' }, ['operational', true, true, 'config', 'config_lock']],
    ['lock without optIn or a choice: undecided for good', { allowChangingOptInStatus: false }, null, ['off', false, true, 'config', 'config_lock']],
    // A stored lock adds one; it never unlocks a config lock.
    ['stored lock keeps the stored opt-in', open, { enabled: true, allowChangingOptInStatus: false }, ['full', true, true, 'saved_object', 'saved_object_lock']],
    ['stored lock over the config default', { ...open, optIn: true }, { allowChangingOptInStatus: false }, ['full', true, true, 'saved_object', 'saved_object_lock']],
    ['stored unlock cannot open a config lock', { optIn: false, allowChangingOptInStatus: false }, { enabled: true, allowChangingOptInStatus: true }, ['off', true, true, 'config', 'config_lock']],
  ];

  it.each(TABLE)('%s', (_what, config, stored, expected) => {
    expect(row(decide(config, stored))).toEqual(expected);
  });

  it.each(['DO_NOT_TRACK', 'OSD_TELEMETRY_DISABLED'] as const)('%s wins over every row: off, decided, locked by the environment', (variable) => {
    for (const [, config, stored] of TABLE) {
      expect(row(decide(config, stored, { forcedOptOutBy: variable }))).toEqual(['off', true, true, 'environment', 'environment']);
    }
  });

  // Invariants over every combination of the inputs, whatever the row.
  const configs: ConsentConfig[] = [];
  for (const allowChangingOptInStatus of [true, false])
    for (const optIn of [undefined, true, false])
      for (const level of [undefined, 'operational', 'full'] as const) configs.push({ allowChangingOptInStatus, optIn, level });
  const storedStates: TelemetrySavedObject[] = [null, false, {}];
  for (const enabled of [true, false, null])
    for (const level of [undefined, 'operational', 'full'] as const)
      for (const lastVersionChecked of [undefined, V, '2.18.0'])
        for (const allowChangingOptInStatus of [undefined, true, false]) storedStates.push({ enabled, level, lastVersionChecked, allowChangingOptInStatus });

  it(`keeps its invariants over all ${configs.length * storedStates.length} combinations`, () => {
    for (const config of configs) {
      for (const stored of storedStates) {
        const d = decide(config, stored);
        const context = JSON.stringify({ config, stored, d });
        // Only a decision can let anything leave.
        if (d.level !== 'off') expect([context, d.decided]).toEqual([context, true]);
        // Locked exactly when the config or the stored state says so.
        const lockExpected = !config.allowChangingOptInStatus || (!!stored && stored.allowChangingOptInStatus === false);
        expect([context, d.locked]).toEqual([context, lockExpected]);
        // A config lock with a choice ignores the stored state entirely.
        if (!config.allowChangingOptInStatus && typeof config.optIn === 'boolean') {
          expect([context, d.level]).toEqual([context, config.optIn ? config.level ?? 'full' : 'off']);
        }
        // An unreadable state never lets anything leave, unless the config forces the choice.
        if (stored === false && (config.allowChangingOptInStatus || typeof config.optIn !== 'boolean')) expect([context, d.level]).toEqual([context, 'off']);
      }
    }
  });
});

describe('levelAllows and mayLeave', () => {
  it('lets operational collectors into operational and full reports, usage ones into full only; third-party (no category) is usage', () => {
    expect([levelAllows('off', 'operational'), levelAllows('off', 'usage'), levelAllows('off', undefined)]).toEqual([false, false, false]);
    expect([levelAllows('operational', 'operational'), levelAllows('operational', 'usage'), levelAllows('operational', undefined)]).toEqual([true, false, false]);
    expect([levelAllows('full', 'operational'), levelAllows('full', 'usage'), levelAllows('full', undefined)]).toEqual([true, true, true]);
    expect([mayLeave({ level: 'off' }), mayLeave({ level: 'operational' }), mayLeave({ level: 'full' })]).toEqual([false, true, true]);
  });
});

describe('reportLevelFor', () => {
  it('sends at the decided level; previews what an opt-in would send', () => {
    expect([reportLevelFor('full', 'send'), reportLevelFor('operational', 'send'), reportLevelFor('off', 'send')]).toEqual(['full', 'operational', 'operational']);
    expect([reportLevelFor('full', 'preview'), reportLevelFor('operational', 'preview'), reportLevelFor('off', 'preview')]).toEqual(['full', 'operational', 'full']);
  });
});

describe('isUpgradeSince', () => {
  it.each([
    ['2.19.0', '2.19.0', false],
    ['2.19.0', '2.19.4', false],
    ['2.20.0', '2.19.0', false],
    ['2.18.9', '2.19.0', true],
    ['1.3.0', '2.0.0', true],
    ['v2.18.0', '2.19.0-SNAPSHOT', true],
    ['two', '2.19.0', undefined],
    ['2.19', '2.19.0', undefined],
  ])('%s → %s: %s', (since, current, expected) => {
    expect(isUpgradeSince(since, current)).toBe(expected);
  });
});
