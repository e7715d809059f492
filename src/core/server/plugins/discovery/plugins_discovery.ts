import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { DiscoveredPlugin } from '../types';
import { PluginDiscoveryError } from './plugin_discovery_error';
import { MANIFEST_FILE_NAME, parseManifest } from './plugin_manifest_parser';

export interface DiscoveryOptions {
  /** Folders whose sub-folders are plugins (`src/plugins`, `plugins`); a missing one is skipped. */
  scanDirs: string[];
  /** Plugin folders given one by one (`--plugin-path`); must exist. A folder of plugin folders works too. */
  pluginPaths: string[];
  hostVersion: string;
}

/**
 * Finds every plugin folder and parses its manifest. Any broken manifest or duplicate id throws: a plugin that
 * silently fails to load is worse than a server that refuses to start with a clear message.
 */
export function discoverPlugins({ scanDirs, pluginPaths, hostVersion }: DiscoveryOptions): DiscoveredPlugin[] {
  const folders: string[] = [];
  for (const dir of scanDirs) {
    if (!existsSync(dir)) continue;
    folders.push(...subFolders(dir).filter((f) => existsSync(join(f, MANIFEST_FILE_NAME))));
  }
  for (const given of pluginPaths) {
    const path = resolve(given);
    if (!existsSync(path) || !statSync(path).isDirectory()) {
      throw PluginDiscoveryError.invalidSearchPath(path, `Plugin path [${given}] does not exist or is not a folder`);
    }
    if (existsSync(join(path, MANIFEST_FILE_NAME))) {
      folders.push(path);
      continue;
    }
    const children = subFolders(path).filter((f) => existsSync(join(f, MANIFEST_FILE_NAME)));
    if (children.length === 0) throw PluginDiscoveryError.missingManifest(path);
    folders.push(...children);
  }

  const byId = new Map<string, DiscoveredPlugin>();
  for (const folder of folders) {
    const manifestPath = join(folder, MANIFEST_FILE_NAME);
    const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath, hostVersion);
    const existing = byId.get(manifest.id);
    if (existing) {
      if (existing.path === folder) continue;
      throw PluginDiscoveryError.duplicateId(
        folder,
        `Plugin with id "${manifest.id}" is already registered from ${existing.path}`
      );
    }
    byId.set(manifest.id, { manifest, path: folder });
  }
  return [...byId.values()];
}

function subFolders(dir: string) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => join(dir, d.name))
    .sort();
}
