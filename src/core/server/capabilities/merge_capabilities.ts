import type { Capabilities } from './types';

type Section = Record<string, boolean | Record<string, boolean>>;

const isSection = (value: unknown): value is Section => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges capability sets two levels deep (`section.feature` and `management.section.app`), the later set
 * winning on the same key. Two providers declaring the same key differently is a plugin mistake, so it
 * throws with the path; switchers (`allowOverride`) may change any key.
 */
export function mergeCapabilities(base: Capabilities, extra: Partial<Capabilities>, allowOverride = false): Capabilities {
  const merged: Record<string, Section> = { ...base };
  for (const [sectionId, section] of Object.entries(extra)) {
    if (!isSection(section)) throw new Error(`capabilities [${sectionId}] must be an object of booleans`);
    const target: Section = { ...(merged[sectionId] ?? {}) };
    for (const [key, value] of Object.entries(section)) {
      const path = `${sectionId}.${key}`;
      if (isSection(value)) {
        const current = target[key];
        const inner: Record<string, boolean> = { ...(isSection(current) ? (current as Record<string, boolean>) : {}) };
        for (const [leaf, flag] of Object.entries(value)) {
          checkFlag(`${path}.${leaf}`, flag, inner[leaf], allowOverride);
          inner[leaf] = flag as boolean;
        }
        target[key] = inner;
      } else {
        checkFlag(path, value, target[key] as boolean | undefined, allowOverride);
        target[key] = value;
      }
    }
    merged[sectionId] = target;
  }
  return merged as Capabilities;
}

function checkFlag(path: string, value: unknown, current: boolean | undefined, allowOverride: boolean) {
  if (typeof value !== 'boolean') throw new Error(`capability [${path}] must be a boolean, got ${typeof value}`);
  if (!allowOverride && current !== undefined && current !== value) {
    throw new Error(`capability [${path}] is declared twice with different values`);
  }
}
