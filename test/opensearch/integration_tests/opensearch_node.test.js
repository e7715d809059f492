'use strict';

// Integration test of the OpenSearch test-node launcher itself: start, a Painless counter upsert,
// restart() keeps data, stop() + startOpenSearch on the same port and data dir, early-exit rejection.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startOpenSearch } = require('../opensearch_node');

jest.setTimeout(300000);

async function call(url, method = 'GET', body) {
  const res = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

describe('startOpenSearch', () => {
  let dataDir;
  let node;
  let second;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osd-opensearch-launcher-test-'));
  });

  afterAll(async () => {
    if (second) await second.stop();
    if (node) await node.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, keeps data across restart() and stop/start on the same port and data dir', async () => {
    node = await startOpenSearch({ dataDir });
    expect(node.url).toBe(`http://127.0.0.1:${node.port}`);

    const increment = {
      script: { source: 'ctx._source.count += params.n', lang: 'painless', params: { n: 1 } },
      upsert: { count: 1 },
    };
    expect((await call(`${node.url}/counters/_update/c?refresh=true`, 'POST', increment)).status).toBe(201);
    expect((await call(`${node.url}/counters/_update/c?refresh=true`, 'POST', increment)).status).toBe(200);
    expect((await call(`${node.url}/counters/_doc/c`)).body._source.count).toBe(2);

    const firstPid = node.pid;
    await node.restart();
    expect(node.pid).not.toBe(firstPid);
    expect((await call(`${node.url}/counters/_doc/c`)).body._source.count).toBe(2);

    const { port } = node;
    await node.stop();
    await expect(call(`${node.url}/`)).rejects.toThrow();
    expect(fs.existsSync(path.join(dataDir, 'data'))).toBe(true);

    node = await startOpenSearch({ port, dataDir });
    expect(node.port).toBe(port);
    expect((await call(`${node.url}/counters/_doc/c`)).body._source.count).toBe(2);
  });

  it('rejects quickly, with the node output, when the java process exits early', async () => {
    // A second node on the same data dir cannot get the node lock and exits at once.
    const started = Date.now();
    await expect(startOpenSearch({ dataDir })).rejects.toThrow(/exited before it was ready[\s\S]*node locks/);
    expect(Date.now() - started).toBeLessThan(60000);
  });
});
