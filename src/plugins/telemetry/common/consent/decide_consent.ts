/*
 * The one consent decision: may anything leave this deployment, and how much. Every path that could let
 * data leave (the server sender, the browser sender, the opt-in status, the export) asks this function
 * (directly, or through the state the server computed with it); nothing else decides. Pure, with no Node
 * imports, so the browser bundle can use the same types and level rules.
 *
 * Precedence, highest first (docs/consent.md):
 *   1. environment: DO_NOT_TRACK or OSD_TELEMETRY_DISABLED → off, locked;
 *   2. config lock: `telemetry.allowChangingOptInStatus: false` with `telemetry.optIn` set → that choice
 *      (at `telemetry.level`), locked; a stored `allowChangingOptInStatus: false` locks the stored choice;
 *   3. the admin's choice, stored in the `telemetry` saved object (an opt-out is asked again after a minor
 *      or major upgrade, as upstream);
 *   4. the config's default (`telemetry.optIn`, at `telemetry.level`);
 *   5. undecided: nothing leaves until an admin answers.
 */
import type { TelemetrySavedObject } from '../telemetry_config/types';
import { isUpgradeSince } from './version';

/** How much may leave, in order: `off` < `operational` < `full`. */
export const TELEMETRY_LEVELS = ['off', 'operational', 'full'] as const;
export type TelemetryLevel = (typeof TELEMETRY_LEVELS)[number];
/** The levels an admin or the config can choose when opting in. */
export type OptInLevel = Exclude<TelemetryLevel, 'off'>;

/** What a collector's data is: `operational` (health, versions, sizes) or `usage` (what people do). */
export type CollectorCategory = 'operational' | 'usage';

export interface ConsentConfig {
  /** `telemetry.optIn`; undefined when not set. */
  optIn?: boolean;
  /** `telemetry.level`: the level of a config opt-in (and of a locked one); `full` when not set. */
  level?: OptInLevel;
  /** `telemetry.allowChangingOptInStatus`. */
  allowChangingOptInStatus: boolean;
}

export interface ConsentEnvironment {
  /** Set when `DO_NOT_TRACK` or `OSD_TELEMETRY_DISABLED` is set, naming the variable. */
  forcedOptOutBy?: 'DO_NOT_TRACK' | 'OSD_TELEMETRY_DISABLED';
}

export interface ConsentInputs {
  config: ConsentConfig;
  environment: ConsentEnvironment;
  /** The stored state: its attributes, `null` when there is none, `false` when it cannot be read. */
  stored: TelemetrySavedObject;
  currentVersion: string;
}

export type ConsentReason =
  | 'environment'
  | 'config_lock'
  | 'saved_object_lock'
  | 'admin_choice'
  | 'asked_again_after_upgrade'
  | 'config_default'
  | 'unreadable'
  | 'undecided';

export interface ConsentDecision {
  /** What may leave; `off` for opted out, undecided and unreadable alike. */
  level: TelemetryLevel;
  /** False while nobody has chosen (the browser asks an admin). */
  decided: boolean;
  /** Whether the choice may not be changed through the API or the UI. */
  locked: boolean;
  /** What locks it, when locked. */
  lockedBy?: 'environment' | 'config' | 'saved_object';
  /** Why the level is what it is (for logs, `status` and the UI). */
  reason: ConsentReason;
}

const off = (reason: ConsentReason, decided: boolean, lock?: ConsentDecision['lockedBy']): ConsentDecision => ({
  level: 'off',
  decided,
  locked: lock !== undefined,
  ...(lock ? { lockedBy: lock } : {}),
  reason,
});

const on = (level: OptInLevel, reason: ConsentReason, lock?: ConsentDecision['lockedBy']): ConsentDecision => ({
  level,
  decided: true,
  locked: lock !== undefined,
  ...(lock ? { lockedBy: lock } : {}),
  reason,
});

/** A stored level, when it is one; older objects have none and mean `full` (the only level there was). */
function storedLevel(value: unknown): OptInLevel | undefined {
  return value === 'operational' || value === 'full' ? value : undefined;
}

export function decideConsent({ config, environment, stored, currentVersion }: ConsentInputs): ConsentDecision {
  if (environment.forcedOptOutBy) return off('environment', true, 'environment');

  const configLevel: OptInLevel = config.level ?? 'full';
  // A config lock always wins; a stored lock can only add one (never unlock a locked config).
  const storedLock = !!stored && stored.allowChangingOptInStatus === false;
  const lockedBy = !config.allowChangingOptInStatus ? 'config' : storedLock ? 'saved_object' : undefined;
  if (lockedBy === 'config' && typeof config.optIn === 'boolean') {
    return config.optIn ? on(configLevel, 'config_lock', 'config') : off('config_lock', true, 'config');
  }
  const lockReason: ConsentReason | undefined = lockedBy === 'config' ? 'config_lock' : lockedBy === 'saved_object' ? 'saved_object_lock' : undefined;

  if (stored === false) return off('unreadable', false, lockedBy);
  const choice = stored ? stored.enabled : undefined;
  if (choice === true) {
    // Under a config lock the config's level applies; otherwise the admin's stored level (or `full`).
    const level = lockedBy === 'config' ? configLevel : storedLevel(stored && stored.level) ?? 'full';
    return on(level, lockReason ?? 'admin_choice', lockedBy);
  }
  if (choice === false) {
    const since = stored ? stored.lastVersionChecked : undefined;
    if (typeof since !== 'string' || isUpgradeSince(since, currentVersion) !== false) {
      return off('asked_again_after_upgrade', false, lockedBy);
    }
    return off(lockReason ?? 'admin_choice', true, lockedBy);
  }
  if (config.optIn === true) return on(configLevel, lockReason ?? 'config_default', lockedBy);
  if (config.optIn === false) return off(lockReason ?? 'config_default', true, lockedBy);
  return off(lockReason ?? 'undecided', false, lockedBy);
}

/** Whether a report at `level` may carry a collector of `category`. Third-party collectors count as `usage`. */
export function levelAllows(level: TelemetryLevel, category: CollectorCategory | undefined): boolean {
  if (level === 'off') return false;
  return level === 'full' || (category ?? 'usage') === 'operational';
}

/** Whether anything at all may leave under `decision`. */
export function mayLeave(decision: Pick<ConsentDecision, 'level'>): boolean {
  return decision.level !== 'off';
}

/**
 * The level to build a report at. A report to send is built at the decided level (`off` sends nothing; its
 * report is built at the least level only to be dropped by the opt-in gate). A preview for an admin shows
 * what an opt-in would send: the decided level, or `full` while nothing is opted in.
 */
export function reportLevelFor(decided: TelemetryLevel, purpose: 'send' | 'preview'): OptInLevel {
  if (decided !== 'off') return decided;
  return purpose === 'preview' ? 'full' : 'operational';
}
