import { snakeCase } from 'lodash';
import { PluginManifest } from '../types';
import { PluginDiscoveryError } from './plugin_discovery_error';

export const MANIFEST_FILE_NAME = 'opensearch_dashboards.json';

type ManifestKeys = { [K in keyof PluginManifest]: true };
/** Every key a manifest may hold; typed so that adding a field to `PluginManifest` must add it here. */
const KNOWN_KEYS: ManifestKeys = {
  id: true,
  version: true,
  opensearchDashboardsVersion: true,
  configPath: true,
  requiredPlugins: true,
  optionalPlugins: true,
  requiredBundles: true,
  server: true,
  ui: true,
  extraPublicDirs: true,
  description: true,
};
/** Upstream keys we accept and ignore, so third-party manifests load unchanged. */
const TOLERATED_KEYS = new Set(['supportedOSDataSourceVersions', 'requiredOSDataSourcePlugins', 'owner', 'type']);

const ALWAYS_COMPATIBLE = 'opensearchDashboards';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Parses and checks the text of a manifest. Pure: the caller reads the file. Each broken rule throws a
 * `PluginDiscoveryError` whose message says which field is wrong.
 */
export function parseManifest(text: string, manifestPath: string, hostVersion: string): PluginManifest {
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw PluginDiscoveryError.invalidManifest(manifestPath, `Manifest is not valid JSON: ${(e as Error).message}`);
  }
  const invalid = (cause: string) => PluginDiscoveryError.invalidManifest(manifestPath, cause);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('Manifest must contain a JSON encoded object.');
  if (typeof raw.id !== 'string' || raw.id === '') throw invalid('Plugin manifest must contain an "id" property.');
  if (!/^[a-z][a-zA-Z0-9]*$/.test(raw.id)) throw invalid(`Plugin "id" must be camelCase, but found: ${raw.id}.`);
  if (typeof raw.version !== 'string' || raw.version === '') {
    throw invalid(`Plugin manifest for "${raw.id}" must contain a "version" property.`);
  }
  const unknown = Object.keys(raw).filter((k) => !(k in KNOWN_KEYS) && !TOLERATED_KEYS.has(k));
  if (unknown.length > 0) {
    throw invalid(`Manifest for plugin "${raw.id}" contains the following unrecognized properties: ${unknown.join(', ')}.`);
  }
  for (const key of ['requiredPlugins', 'optionalPlugins', 'requiredBundles', 'extraPublicDirs'] as const) {
    if (raw[key] !== undefined && !isStringArray(raw[key])) {
      throw invalid(`The "${key}" in plugin manifest for "${raw.id}" should be an array of strings.`);
    }
  }
  for (const key of ['server', 'ui'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') {
      throw invalid(`The "${key}" in plugin manifest for "${raw.id}" should be a boolean.`);
    }
  }
  if (raw.configPath !== undefined && typeof raw.configPath !== 'string' && !isStringArray(raw.configPath)) {
    throw invalid(`The "configPath" in plugin manifest for "${raw.id}" should be a string or an array of strings.`);
  }
  const server = raw.server ?? false;
  const ui = raw.ui ?? false;
  if (!server && !ui) {
    throw invalid(`Both "server" and "ui" are missing or set to "false" in plugin manifest for "${raw.id}", but at least one of these must be set to "true".`);
  }
  const osdVersion: string = raw.opensearchDashboardsVersion ?? raw.version;
  if (typeof osdVersion !== 'string') throw invalid(`The "opensearchDashboardsVersion" in plugin manifest for "${raw.id}" should be a string.`);
  if (!isVersionCompatible(osdVersion, hostVersion)) {
    throw PluginDiscoveryError.incompatibleVersion(
      manifestPath,
      `Plugin "${raw.id}" is only compatible with OpenSearch Dashboards version "${osdVersion}", but used OpenSearch Dashboards version is "${hostVersion}".`
    );
  }
  const required: string[] = raw.requiredPlugins ?? [];
  const optional: string[] = raw.optionalPlugins ?? [];
  const self = [...required, ...optional].find((d) => d === raw.id);
  if (self) throw invalid(`Plugin "${raw.id}" cannot depend on itself.`);
  const both = required.find((d) => optional.includes(d));
  if (both) throw invalid(`Plugin "${raw.id}" lists "${both}" as both a required and an optional plugin.`);

  return {
    id: raw.id,
    version: raw.version,
    opensearchDashboardsVersion: osdVersion,
    configPath: raw.configPath ?? snakeCase(raw.id),
    requiredPlugins: Object.freeze([...required]),
    optionalPlugins: Object.freeze([...optional]),
    requiredBundles: Object.freeze([...(raw.requiredBundles ?? [])]),
    server,
    ui,
    extraPublicDirs: raw.extraPublicDirs,
    description: raw.description,
  };
}

/** Same major.minor.patch, ignoring a pre-release suffix; `opensearchDashboards` matches anything. */
export function isVersionCompatible(pluginVersion: string, hostVersion: string) {
  if (pluginVersion === ALWAYS_COMPATIBLE) return true;
  const clean = (v: string) => v.split(/[-+]/)[0];
  return clean(pluginVersion) === clean(hostVersion);
}
