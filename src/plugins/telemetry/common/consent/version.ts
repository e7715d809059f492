interface ParsedVersion {
  major: number;
  minor: number;
}

/** `x.y.z` with an optional pre-release and build (semver's grammar, loosely); `null` otherwise. */
function parseVersion(version: string): ParsedVersion | null {
  const match = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

/**
 * Whether `current` is a minor or major upgrade over `since`: `true`, `false` (same version, a patch, or a
 * downgrade), or `undefined` when either version cannot be read. Pure.
 */
export function isUpgradeSince(since: string, current: string): boolean | undefined {
  if (since === current) return false;
  const last = parseVersion(since);
  const now = parseVersion(current);
  if (!last || !now) return undefined;
  return now.major > last.major || (now.major === last.major && now.minor > last.minor);
}
