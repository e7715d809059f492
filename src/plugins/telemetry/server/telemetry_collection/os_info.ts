import { readFileSync } from 'fs';
import os from 'os';

/** What the report says about the operating system: every value a string. */
export type OsInfo = Record<string, string>;

/** `NAME` and `VERSION_ID` of an os-release file, as `{ distro, distroRelease }`. Pure. */
export function parseOsRelease(text: string): OsInfo {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  if (!fields.NAME) return {};
  return { distro: fields.NAME, ...(fields.VERSION_ID ? { distroRelease: `${fields.NAME}-${fields.VERSION_ID}` } : {}) };
}

/**
 * A reader of this host's OS info (platform, release, Linux distribution), read once on first call. Used
 * when the ops stats collector does not report it.
 */
export function createOsInfoReader(readOsRelease: () => string = () => readFileSync('/etc/os-release', 'utf8')): () => OsInfo {
  let info: OsInfo | undefined;
  return () => {
    if (!info) {
      let distro: OsInfo = {};
      try {
        if (os.platform() === 'linux') distro = parseOsRelease(readOsRelease());
      } catch {
        // No os-release file: the distribution is left out.
      }
      info = { platform: os.platform(), platformRelease: `${os.platform()}-${os.release()}`, ...distro };
    }
    return info;
  };
}
