import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { api, startOsdServer, OsdServer, TEST_PLUGINS_DIR } from '../../../../test/harness/osd_server';
import { startOpenSearch, OpenSearchNode } from '../../../../test/opensearch/opensearch_node';

const testPlugin = join(TEST_PLUGINS_DIR, 'test_plugin');

/** Polls `/api/status` (the v8 format, which has levels) until the opensearch core status has `level`. */
async function waitForOpenSearchLevel(server: OsdServer, level: string, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    last = (await api(`${server.url}/api/status?v8format=true`)).body;
    if (last?.status?.core?.opensearch?.level === level) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`opensearch status did not become ${level}; last: ${JSON.stringify(last?.status?.core)}`);
}

describe('the server on a real OpenSearch node', () => {
  let node: OpenSearchNode;
  let server: OsdServer | undefined;
  const index = '.osd_core_it';
  // Our own folder, so the node's data survives a stop and the same node can come back.
  const nodeHome = mkdtempSync(join(tmpdir(), 'os-core-it-'));

  beforeAll(async () => {
    node = await startOpenSearch({ dataDir: nodeHome });
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await node?.stop();
    rmSync(nodeHome, { recursive: true, force: true });
  });

  const start = (dataPath?: string) =>
    startOsdServer({
      pluginPaths: [testPlugin],
      dataPath,
      args: [`--opensearch.hosts=${node.url}`, `--opensearchDashboards.index=${index}`, '--opensearch.healthCheck.delay=200ms'],
    });

  it('keeps saved objects in the OpenSearch index, across a server restart', async () => {
    server = await start();
    const status = await waitForOpenSearchLevel(server, 'available');
    expect(status.status.overall.level).toBe('available');

    expect((await api(`${server.url}/api/test_plugin/notes/os1`, 'POST', { text: 'in the cluster' })).status).toBe(200);
    // The document is in the cluster's index, under upstream's raw id.
    const raw = await api(`${node.url}/${index}/_doc/test-note:os1`);
    expect(raw.status).toBe(200);
    expect(raw.body._source['test-note']).toEqual({ text: 'in the cluster' });

    // UI settings go to the same index.
    expect((await api(`${server.url}/api/opensearch-dashboards/settings`, 'POST', { changes: { 'testPlugin:pageSize': 42 } })).status).toBe(200);

    const dataPath = server.dataPath;
    await server.stop();
    server = await start(dataPath);
    expect((await api(`${server.url}/api/test_plugin/notes/os1`)).body.attributes).toEqual({ text: 'in the cluster' });
    expect((await api(`${server.url}/api/test_plugin/setting`)).body).toEqual({ pageSize: 42 });
  });

  it('reports degraded (and keeps serving) while the node is down, and recovers when it is back', async () => {
    server ??= await start();
    await waitForOpenSearchLevel(server, 'available');
    const port = node.port;
    await node.stop();
    const degraded = await waitForOpenSearchLevel(server, 'degraded');
    expect(degraded.status.overall.level).toBe('degraded');
    // The default (legacy) format says the same in traffic-light terms.
    const legacy = (await api(`${server.url}/api/status`)).body.status;
    expect(legacy.overall.state).toBe('yellow');
    expect(legacy.statuses).toContainEqual(expect.objectContaining({ id: expect.stringMatching(/^core:opensearch@/), state: 'yellow' }));
    expect(server.process.exitCode).toBeNull();
    // Routes that need the cluster fail cleanly instead of hanging or crashing the server.
    const failed = await api(`${server.url}/api/test_plugin/notes/os1`);
    expect(failed.status).toBeGreaterThanOrEqual(500);

    node = await startOpenSearch({ port, dataDir: nodeHome });
    await waitForOpenSearchLevel(server, 'available', 60000);
    expect((await api(`${server.url}/api/test_plugin/notes/os1`)).body.attributes).toEqual({ text: 'in the cluster' });
  });

  it('stops at start-up with a clear message when the cluster cannot be reached', async () => {
    const { runServerToExit } = await import('../../../../test/harness/osd_server');
    const { code, output } = await runServerToExit({ args: ['--opensearch.hosts=http://127.0.0.1:1', '--opensearch.startupTimeout=2s'] });
    expect(code).toBe(1);
    expect(output).toContain('Unable to connect to OpenSearch at [http://127.0.0.1:1]');
  });
});
