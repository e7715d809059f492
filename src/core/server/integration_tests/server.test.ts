import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { api, runServerToExit, startOsdServer, OsdServer, TEST_PLUGINS_DIR } from '../../../../test/harness/osd_server';

const testPlugin = join(TEST_PLUGINS_DIR, 'test_plugin');

describe('the server, started for real', () => {
  let server: OsdServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server?.cleanup();
    server = undefined;
  });

  it('answers /api/status, loads a JavaScript plugin from --plugin-path, and keeps its saved objects across a restart', async () => {
    server = await startOsdServer({ pluginPaths: [testPlugin] });
    const status = await api(`${server.url}/api/status`);
    expect(status.status).toBe(200);
    expect(status.body.status.overall.state).toBe('green');
    expect(status.body.status.statuses).toContainEqual(expect.objectContaining({ id: `plugin:testPlugin@${status.body.version.number}`, state: 'green' }));
    expect((await api(`${server.url}/api/status?v8format=true`)).body.status.plugins.testPlugin.level).toBe('available');
    const uuid = status.body.uuid;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(readFileSync(join(server.dataPath, 'uuid'), 'utf8')).toBe(uuid);

    const hello = await api(`${server.url}/api/test_plugin/hello`);
    expect(hello.body).toEqual({ greeting: 'hello', deps: expect.any(Array), instanceUuid: uuid });

    const created = await api(`${server.url}/api/test_plugin/notes/n1`, 'POST', { text: 'kept' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 'n1', type: 'test-note', attributes: { text: 'kept' } });

    const dataPath = server.dataPath;
    expect(await server.stop()).toBe(0);
    server = await startOsdServer({ pluginPaths: [testPlugin], dataPath });
    const again = await api(`${server.url}/api/test_plugin/notes/n1`);
    expect(again.status).toBe(200);
    expect(again.body.attributes).toEqual({ text: 'kept' });
    expect((await api(`${server.url}/api/status`)).body.uuid).toBe(uuid);
    expect((await api(`${server.url}/api/test_plugin/notes/missing`)).status).toBe(404);
    await server.stop();
    rmSync(dataPath, { recursive: true, force: true });
    server = undefined;
  });

  it('reads YAML config (nested and dotted keys), applies CLI overrides, and persists UI settings', async () => {
    server = await startOsdServer({
      pluginPaths: [testPlugin],
      yaml: 'test_plugin:\n  greeting: from-yaml\nserver.name: "yaml-name"\n',
      args: ['--test_plugin.greeting=from-cli'],
    });
    expect((await api(`${server.url}/api/test_plugin/hello`)).body.greeting).toBe('from-cli');
    expect((await api(`${server.url}/api/status`)).body.name).toBe('yaml-name');

    const settingsUrl = `${server.url}/api/opensearch-dashboards/settings`;
    const bad = await api(settingsUrl, 'POST', { changes: { 'testPlugin:pageSize': 1000 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('testPlugin:pageSize');
    expect(bad.body.message).toContain('Value must be equal to or lower than [100]');

    const good = await api(settingsUrl, 'POST', { changes: { 'testPlugin:pageSize': 25 } });
    expect(good.status).toBe(200);
    expect(good.body.settings['testPlugin:pageSize']).toEqual({ userValue: 25 });
    expect((await api(`${server.url}/api/test_plugin/setting`)).body).toEqual({ pageSize: 25 });
    expect((await api(settingsUrl)).body.settings['testPlugin:pageSize']).toEqual({ userValue: 25 });

    const removed = await api(`${settingsUrl}/testPlugin:pageSize`, 'DELETE');
    expect(removed.status).toBe(200);
    expect((await api(`${server.url}/api/test_plugin/setting`)).body).toEqual({ pageSize: 10 });
  });

  it('serves every route under server.basePath', async () => {
    server = await startOsdServer({ pluginPaths: [testPlugin], args: ['--server.basePath=/osd'] });
    expect((await api(`${server.url}/osd/api/test_plugin/hello`)).status).toBe(200);
  });

  it('leaves out a plugin disabled with <configPath>.enabled: false', async () => {
    server = await startOsdServer({ pluginPaths: [testPlugin], args: ['--test_plugin.enabled=false', '--test_plugin.greeting=ignored'] });
    expect((await api(`${server.url}/api/test_plugin/hello`)).status).toBe(404);
  });

  it('stops cleanly on SIGTERM, letting plugins stop', async () => {
    server = await startOsdServer({ pluginPaths: [testPlugin] });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('test plugin stopped');
  });
});

describe('start-up errors', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'osd-bad-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops on a bad value, naming the key and the file', async () => {
    const { code, output } = await runServerToExit({ yaml: 'server:\n  keepaliveTimeout: "forever"\n', dataPath: dir });
    expect(code).toBe(1);
    expect(output).toMatch(/\[server\.keepaliveTimeout\]: .*config key \[server\.keepaliveTimeout\] set in .*config-\d+\.yml/);
  });

  it('stops on an unknown key', async () => {
    const { code, output } = await runServerToExit({ yaml: 'telemetri.optIn: true\n', dataPath: dir });
    expect(code).toBe(1);
    expect(output).toContain('Unknown configuration key(s): "telemetri.optIn"');
  });

  it('stops on a plugin with a missing required dependency, naming both', async () => {
    const pluginDir = join(dir, 'needy');
    require('fs').mkdirSync(join(pluginDir, 'server'), { recursive: true });
    writeFileSync(
      join(pluginDir, 'opensearch_dashboards.json'),
      JSON.stringify({ id: 'needy', version: 'opensearchDashboards', server: true, requiredPlugins: ['doesNotExist'] })
    );
    writeFileSync(join(pluginDir, 'server', 'index.js'), 'module.exports = { plugin: () => ({ setup() {}, start() {} }) };');
    const { code, output } = await runServerToExit({ pluginPaths: [pluginDir], dataPath: dir });
    expect(code).toBe(1);
    expect(output).toContain('"needy" requires [doesNotExist]');
  });

  it('stops on a broken manifest, naming the file', async () => {
    const pluginDir = join(dir, 'broken');
    require('fs').mkdirSync(pluginDir, { recursive: true });
    writeFileSync(join(pluginDir, 'opensearch_dashboards.json'), JSON.stringify({ id: 'broken', version: '1', server: true, bogus: 1 }));
    const { code, output } = await runServerToExit({ pluginPaths: [pluginDir], dataPath: dir });
    expect(code).toBe(1);
    expect(output).toContain('unrecognized properties: bogus');
    expect(output).toContain(join(pluginDir, 'opensearch_dashboards.json'));
    expect(existsSync(dir)).toBe(true);
  });
});
