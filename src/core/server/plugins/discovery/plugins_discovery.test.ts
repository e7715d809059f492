import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { discoverPlugins } from './plugins_discovery';

describe('discoverPlugins', () => {
  let dir: string;
  const plugin = (folder: string, manifest: object) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'opensearch_dashboards.json'), JSON.stringify({ version: '2.19.0', server: true, ...manifest }));
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'discovery-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds plugins in scan dirs and explicit plugin paths, skipping missing scan dirs', () => {
    plugin(join(dir, 'src', 'a'), { id: 'a' });
    mkdirSync(join(dir, 'src', 'not_a_plugin'));
    plugin(join(dir, 'extra', 'b'), { id: 'b' });
    plugin(join(dir, 'many', 'c'), { id: 'c' });
    plugin(join(dir, 'many', 'd'), { id: 'd' });
    const found = discoverPlugins({
      scanDirs: [join(dir, 'src'), join(dir, 'nope')],
      pluginPaths: [join(dir, 'extra', 'b'), join(dir, 'many')],
      hostVersion: '2.19.0',
    });
    expect(found.map((p) => p.manifest.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rejects a plugin path that does not exist or holds no plugin', () => {
    expect(() => discoverPlugins({ scanDirs: [], pluginPaths: [join(dir, 'x')], hostVersion: '2.19.0' })).toThrow('does not exist');
    mkdirSync(join(dir, 'empty'));
    expect(() => discoverPlugins({ scanDirs: [], pluginPaths: [join(dir, 'empty')], hostVersion: '2.19.0' })).toThrow('opensearch_dashboards.json not found');
  });

  it('rejects two plugins with one id, naming both folders', () => {
    plugin(join(dir, 'one', 'x'), { id: 'x' });
    plugin(join(dir, 'two', 'x'), { id: 'x' });
    expect(() => discoverPlugins({ scanDirs: [join(dir, 'one'), join(dir, 'two')], pluginPaths: [], hostVersion: '2.19.0' })).toThrow(
      `Plugin with id "x" is already registered from ${join(dir, 'one', 'x')}`
    );
  });
});
