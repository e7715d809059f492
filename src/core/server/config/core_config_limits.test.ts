import { pathConfig } from '../environment/path_config';
import { httpConfig } from '../http/http_config';
import { opsConfig } from '../metrics/ops_config';
import { opensearchConfig } from '../opensearch/opensearch_config';
import { uiSettingsConfig } from '../ui_settings/ui_settings_config';
import { ConfigService } from './config_service';
import { Env } from './env';
import { MAX_TIMER_MS } from './limits';

const env: Env = {
  homeDir: '/x',
  configPaths: [],
  cliArgs: { dev: false, pluginPaths: [], overrides: [] },
  mode: { name: 'production', dev: false, prod: true },
  packageInfo: { version: '2.19.0', branch: 'main', buildNum: 1, buildSha: 'sha', dist: false },
  pluginScanDirs: [],
};
const descriptors = [httpConfig, opsConfig, opensearchConfig, pathConfig, uiSettingsConfig];

/** Validates `raw` with core's real schemas, as the server does at start. */
function validate(raw: Record<string, unknown>, sources: Array<[string, string]> = []) {
  const config = new ConfigService(raw, new Map(sources), env);
  for (const { path, schema: s } of descriptors) config.setSchema(path, s as any);
  config.validate();
  return config;
}

const rawAt = (key: string, value: unknown) => {
  const out: Record<string, any> = {};
  const parts = key.split('.');
  let node = out;
  for (const part of parts.slice(0, -1)) node = node[part] = {};
  node[parts[parts.length - 1]] = value;
  return out;
};

describe("core config keys' bounds", () => {
  it('accept the defaults', () => {
    expect(() => validate({})).not.toThrow();
  });

  // [key, lowest accepted, highest accepted, a value refused as too low, the message for it]
  const bounds: Array<[string, unknown, unknown, unknown, string]> = [
    ['ops.interval', '100ms', MAX_TIMER_MS, 0, 'Value must be equal to or greater than [100ms]'],
    ['server.keepaliveTimeout', 1000, MAX_TIMER_MS, 999, 'Value must be equal to or greater than [1000].'],
    ['server.socketTimeout', 1000, MAX_TIMER_MS, 0, 'Value must be equal to or greater than [1000].'],
    ['server.maxPayloadBytes', '1kb', '256mb', 1023, 'Value must be equal to or greater than [1kb]'],
    ['opensearch.requestTimeout', '1s', MAX_TIMER_MS, 30, 'Value must be equal to or greater than [1s]'],
    ['opensearch.pingTimeout', '100ms', MAX_TIMER_MS, '99ms', 'Value must be equal to or greater than [100ms]'],
    ['opensearch.startupTimeout', '1s', MAX_TIMER_MS, 0, 'Value must be equal to or greater than [1s]'],
    ['opensearch.healthCheck.delay', '100ms', MAX_TIMER_MS, 0, 'Value must be equal to or greater than [100ms]'],
  ];

  it.each(bounds)('%s accepts %p to %p and refuses %p, naming the key and its file', (key, low, high, tooLow, message) => {
    expect(() => validate(rawAt(key, low))).not.toThrow();
    expect(() => validate(rawAt(key, high))).not.toThrow();
    expect(() => validate(rawAt(key, tooLow), [[key, '/etc/osd.yml']])).toThrow(
      `[${key}]: ${message} (config key [${key}] set in /etc/osd.yml)`
    );
  });

  it.each([
    ['ops.interval', MAX_TIMER_MS + 1, 'Value must be equal to or less than [2147483647ms]'],
    ['ops.interval', '25d', 'Value must be equal to or less than [2147483647ms]'],
    ['server.keepaliveTimeout', MAX_TIMER_MS + 1, 'Value must be equal to or lower than [2147483647].'],
    ['server.socketTimeout', MAX_TIMER_MS + 1, 'Value must be equal to or lower than [2147483647].'],
    ['server.maxPayloadBytes', '257mb', 'Value must be equal to or less than [256mb]'],
    ['opensearch.requestTimeout', '1M', 'Value must be equal to or less than [2147483647ms]'],
    ['opensearch.pingTimeout', '30d', 'Value must be equal to or less than [2147483647ms]'],
    ['opensearch.startupTimeout', '1Y', 'Value must be equal to or less than [2147483647ms]'],
    ['opensearch.healthCheck.delay', '4w', 'Value must be equal to or less than [2147483647ms]'],
    ['opensearch.shardTimeout', '1M', 'Value must be equal to or less than [2147483647ms]'],
  ])('%s refuses %p: over what a Node timer can hold', (key, value, message) => {
    expect(() => validate(rawAt(key, value))).toThrow(`[${key}]: ${message} (config key [${key}] is not set in any config file)`);
  });

  it('keeps opensearch.shardTimeout: 0, which disables the shard timeout in OpenSearch', () => {
    const config = validate(rawAt('opensearch.shardTimeout', 0));
    expect(config.atPathSync<any>('opensearch').shardTimeout.asMilliseconds()).toBe(0);
  });

  it('refuses an empty path.data, which would be the working directory', () => {
    expect(() => validate(rawAt('path.data', ''))).toThrow('[path.data]: value has length [0] but it must have a minimum length of [1].');
  });

  it('holds uiSettings.overrides to the bounds of user values, naming the setting', () => {
    expect(() => validate(rawAt('uiSettings.overrides', { 'theme:darkMode': true }))).not.toThrow();
    expect(() => validate(rawAt('uiSettings.overrides', { 'big:one': 'x'.repeat(70000) }))).toThrow(
      '[uiSettings.overrides]: cannot override "big:one": the value is 70002 bytes as JSON, over the limit of 65536 bytes (64 KB)'
    );
  });
});
