import { parseManifest, isVersionCompatible } from './plugin_manifest_parser';

const parse = (manifest: unknown, version = '2.19.0') => parseManifest(JSON.stringify(manifest), '/p/opensearch_dashboards.json', version);

describe('parseManifest', () => {
  it('fills defaults', () => {
    expect(parse({ id: 'usageCollection', version: '2.19.0', server: true })).toEqual({
      id: 'usageCollection',
      version: '2.19.0',
      opensearchDashboardsVersion: '2.19.0',
      configPath: 'usage_collection',
      requiredPlugins: [],
      optionalPlugins: [],
      requiredBundles: [],
      server: true,
      ui: false,
      extraPublicDirs: undefined,
      description: undefined,
    });
  });

  it('keeps declared fields', () => {
    const m = parse({
      id: 'telemetry',
      version: '1.0.0',
      opensearchDashboardsVersion: 'opensearchDashboards',
      configPath: ['telemetry'],
      requiredPlugins: ['telemetryCollectionManager'],
      optionalPlugins: ['usageCollection'],
      server: true,
      ui: true,
    });
    expect(m.configPath).toEqual(['telemetry']);
    expect(m.requiredPlugins).toEqual(['telemetryCollectionManager']);
    expect(m.optionalPlugins).toEqual(['usageCollection']);
  });

  it.each([
    ['not json', '{', 'Manifest is not valid JSON'],
    ['no id', { version: '1', server: true }, 'must contain an "id" property'],
    ['id not camelCase', { id: 'usage_collection', version: '1', server: true }, 'must be camelCase'],
    ['no version', { id: 'a', server: true }, 'must contain a "version" property'],
    ['unknown key', { id: 'a', version: '2.19.0', server: true, requiredPlugin: [] }, 'unrecognized properties: requiredPlugin'],
    ['bad deps', { id: 'a', version: '2.19.0', server: true, requiredPlugins: 'b' }, '"requiredPlugins" in plugin manifest for "a" should be an array of strings'],
    ['neither half', { id: 'a', version: '2.19.0' }, 'at least one of these must be set to "true"'],
    ['self dependency', { id: 'a', version: '2.19.0', server: true, optionalPlugins: ['a'] }, 'cannot depend on itself'],
    ['both lists', { id: 'a', version: '2.19.0', server: true, requiredPlugins: ['b'], optionalPlugins: ['b'] }, 'both a required and an optional'],
    ['incompatible', { id: 'a', version: '1.0.0', server: true }, 'is only compatible with OpenSearch Dashboards version "1.0.0"'],
  ])('rejects %s', (_name, manifest, message) => {
    const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
    expect(() => parseManifest(text, '/p/opensearch_dashboards.json', '2.19.0')).toThrow(message);
  });

  it('names the manifest file in the error', () => {
    expect(() => parse({ id: 'a' })).toThrow('/p/opensearch_dashboards.json');
  });
});

describe('isVersionCompatible', () => {
  it('compares major.minor.patch and accepts the wildcard', () => {
    expect(isVersionCompatible('2.19.0', '2.19.0-SNAPSHOT')).toBe(true);
    expect(isVersionCompatible('2.18.0', '2.19.0')).toBe(false);
    expect(isVersionCompatible('opensearchDashboards', '9.9.9')).toBe(true);
  });
});
