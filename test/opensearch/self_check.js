#!/usr/bin/env node
'use strict';

/*
 * Self-check of the OpenSearch test node: the APIs the telemetry and saved-objects code rely on.
 *
 *   node test/opensearch/self_check.js                 # starts a node (startOpenSearch), checks, stops it
 *   node test/opensearch/self_check.js http://127.0.0.1:9200   # checks an already running node
 *   OPENSEARCH_URL=http://127.0.0.1:9200 node test/opensearch/self_check.js
 *
 * Checks: _cluster/stats, _nodes/usage, _nodes/stats return 200; a Painless scripted update with upsert
 * run twice gives 2; _bulk with scripted upserts; paging past 10,000 hits with point in time + search_after
 * and with scroll; _delete_by_query (reindex module). Indices it creates are named self-check-* and deleted.
 * Exits 0 when every check passes, 1 otherwise. Plain Node.js, built-ins only.
 */

const http = require('http');
const { execFileSync } = require('child_process');

const DOCS_PAST_WINDOW = 12000; // more than index.max_result_window (10,000)
const PAGE_SIZE = 1000;

function call(baseUrl, method, path, body, { ndjson = false } = {}) {
  const url = new URL(path, baseUrl);
  let payload;
  if (body !== undefined) {
    payload = ndjson ? body.map((line) => JSON.stringify(line)).join('\n') + '\n' : JSON.stringify(body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: false,
        timeout: 60000,
        headers: payload === undefined ? {} : {
          'content-type': ndjson ? 'application/x-ndjson' : 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode, body: json, text });
        });
      }
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

function rssKb(pid) {
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  } catch {
    return NaN;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function expectStatus(res, status, what) {
  assert(res.status === status, `${what}: expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  return res.body;
}

async function runChecks(baseUrl, { log = console.log } = {}) {
  const os = (method, path, body, opts) => call(baseUrl, method, path, body, opts);
  const prefix = `self-check-${Date.now()}`;
  const results = [];

  async function check(name, fn) {
    const started = Date.now();
    try {
      const detail = await fn();
      results.push({ name, ok: true });
      log(`ok   ${name} (${Date.now() - started} ms)${detail ? ` - ${detail}` : ''}`);
    } catch (err) {
      results.push({ name, ok: false, error: err.message });
      log(`FAIL ${name} (${Date.now() - started} ms) - ${err.message}`);
    }
  }

  await check('GET / (version)', async () => {
    const body = expectStatus(await os('GET', '/'), 200, 'GET /');
    assert(/^2\.19\./.test(body.version.number), `unexpected version ${body.version.number}`);
    return `OpenSearch ${body.version.number}, lucene ${body.version.lucene_version}`;
  });

  await check('GET /_cluster/stats', async () => {
    const body = expectStatus(await os('GET', '/_cluster/stats'), 200, '_cluster/stats');
    assert(body.nodes.count.total === 1, 'expected one node');
    return `status ${body.status}, plugins: ${body.nodes.plugins.map((p) => p.name.split('.').pop()).join(', ')}`;
  });

  await check('GET /_nodes/usage', async () => {
    const body = expectStatus(await os('GET', '/_nodes/usage'), 200, '_nodes/usage');
    const node = Object.values(body.nodes)[0];
    assert(node && node.rest_actions, 'no rest_actions in _nodes/usage');
    return `${Object.keys(node.rest_actions).length} rest actions counted`;
  });

  await check('GET /_nodes/stats', async () => {
    const body = expectStatus(await os('GET', '/_nodes/stats'), 200, '_nodes/stats');
    const node = Object.values(body.nodes)[0];
    assert(node && node.jvm && node.jvm.mem, 'no jvm stats in _nodes/stats');
    return `heap used ${Math.round(node.jvm.mem.heap_used_in_bytes / 1048576)} MB of ${Math.round(node.jvm.mem.heap_max_in_bytes / 1048576)} MB`;
  });

  const counterIndex = `${prefix}-counter`;
  await check('Painless update with upsert, twice -> 2', async () => {
    // Same shape as the saved-objects incrementCounter: the upsert document already holds the first count.
    const request = {
      script: { source: 'ctx._source.count += params.n', lang: 'painless', params: { n: 1 } },
      upsert: { count: 1 },
    };
    expectStatus(await os('POST', `/${counterIndex}/_update/1?refresh=wait_for`, request), 201, 'first update (upsert)');
    expectStatus(await os('POST', `/${counterIndex}/_update/1?refresh=wait_for`, request), 200, 'second update (script)');
    const doc = expectStatus(await os('GET', `/${counterIndex}/_doc/1`), 200, 'get counter');
    assert(doc._source.count === 2, `count is ${doc._source.count}, expected 2`);
    // And the scripted_upsert variant, where the script also runs on the first call.
    const scripted = { ...request, scripted_upsert: true, upsert: { count: 0 } };
    await os('POST', `/${counterIndex}/_update/2?refresh=wait_for`, scripted);
    await os('POST', `/${counterIndex}/_update/2?refresh=wait_for`, scripted);
    const doc2 = expectStatus(await os('GET', `/${counterIndex}/_doc/2`), 200, 'get counter 2');
    assert(doc2._source.count === 2, `scripted_upsert count is ${doc2._source.count}, expected 2`);
    return 'count 2 (upsert) and 2 (scripted_upsert)';
  });

  const bulkIndex = `${prefix}-bulk`;
  await check('_bulk with scripted upserts', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const lines = [];
    for (const id of ids) {
      lines.push({ update: { _index: bulkIndex, _id: id } });
      lines.push({
        script: { source: 'ctx._source.count += params.n', lang: 'painless', params: { n: 3 } },
        scripted_upsert: true,
        upsert: { count: 0 },
      });
    }
    for (let round = 0; round < 2; round++) {
      const body = expectStatus(await os('POST', '/_bulk?refresh=wait_for', lines, { ndjson: true }), 200, '_bulk');
      assert(body.errors === false, `bulk errors: ${JSON.stringify(body.items.find((i) => i.update.error))}`);
    }
    const got = expectStatus(await os('POST', '/_mget', { docs: ids.map((_id) => ({ _index: bulkIndex, _id })) }), 200, '_mget');
    const counts = got.docs.map((d) => d._source.count);
    assert(counts.every((c) => c === 6), `counts ${counts.join(',')}, expected all 6`);
    return `${ids.length} docs, each 6 after two bulk rounds of +3`;
  });

  const pageIndex = `${prefix}-paging`;
  await check(`index ${DOCS_PAST_WINDOW} docs`, async () => {
    expectStatus(
      await os('PUT', `/${pageIndex}`, {
        settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: -1 },
        mappings: { properties: { n: { type: 'integer' }, type: { type: 'keyword' } } },
      }),
      200,
      'create paging index'
    );
    const chunk = 4000;
    for (let start = 0; start < DOCS_PAST_WINDOW; start += chunk) {
      const lines = [];
      for (let n = start; n < Math.min(start + chunk, DOCS_PAST_WINDOW); n++) {
        lines.push({ index: { _index: pageIndex, _id: `doc-${n}` } });
        lines.push({ n, type: n % 2 ? 'odd' : 'even' });
      }
      const body = expectStatus(await os('POST', '/_bulk', lines, { ndjson: true }), 200, '_bulk index');
      assert(body.errors === false, 'bulk indexing reported errors');
    }
    expectStatus(await os('POST', `/${pageIndex}/_refresh`), 200, 'refresh');
    const count = expectStatus(await os('GET', `/${pageIndex}/_count`), 200, '_count');
    assert(count.count === DOCS_PAST_WINDOW, `count ${count.count}`);
    return `${count.count} docs`;
  });

  await check('from+size past 10,000 is refused (index.max_result_window)', async () => {
    const res = await os('POST', `/${pageIndex}/_search`, { from: 10000, size: 10 });
    assert(res.status === 400, `expected 400, got ${res.status}`);
    return 'HTTP 400 as expected: paging must use search_after or scroll';
  });

  await check('point in time + search_after past 10,000', async () => {
    const pit = expectStatus(await os('POST', `/${pageIndex}/_search/point_in_time?keep_alive=1m`), 200, 'create PIT');
    const seen = new Set();
    let searchAfter;
    let pages = 0;
    let total;
    try {
      for (;;) {
        const body = expectStatus(
          await os('POST', '/_search', {
            size: PAGE_SIZE,
            track_total_hits: true,
            pit: { id: pit.pit_id, keep_alive: '1m' },
            sort: [{ n: 'asc' }],
            ...(searchAfter ? { search_after: searchAfter } : {}),
          }),
          200,
          'PIT search'
        );
        total = body.hits.total.value;
        if (body.hits.hits.length === 0) break;
        pages++;
        for (const hit of body.hits.hits) seen.add(hit._id);
        searchAfter = body.hits.hits[body.hits.hits.length - 1].sort;
      }
    } finally {
      await os('DELETE', '/_search/point_in_time', { pit_id: [pit.pit_id] });
    }
    assert(total === DOCS_PAST_WINDOW, `total hits ${total}`);
    assert(seen.size === DOCS_PAST_WINDOW, `collected ${seen.size} distinct docs`);
    return `${seen.size} distinct docs in ${pages} pages`;
  });

  await check('plain search_after (no PIT) past 10,000', async () => {
    const seen = new Set();
    let searchAfter;
    for (;;) {
      const body = expectStatus(
        await os('POST', `/${pageIndex}/_search`, {
          size: PAGE_SIZE,
          sort: [{ n: 'asc' }],
          ...(searchAfter ? { search_after: searchAfter } : {}),
        }),
        200,
        'search_after'
      );
      if (body.hits.hits.length === 0) break;
      for (const hit of body.hits.hits) seen.add(hit._id);
      searchAfter = body.hits.hits[body.hits.hits.length - 1].sort;
    }
    assert(seen.size === DOCS_PAST_WINDOW, `collected ${seen.size} distinct docs`);
    return `${seen.size} distinct docs`;
  });

  await check('scroll past 10,000', async () => {
    const seen = new Set();
    let body = expectStatus(
      await os('POST', `/${pageIndex}/_search?scroll=1m`, { size: PAGE_SIZE, sort: ['_doc'] }),
      200,
      'scroll start'
    );
    const scrollIds = new Set();
    try {
      while (body.hits.hits.length > 0) {
        for (const hit of body.hits.hits) seen.add(hit._id);
        scrollIds.add(body._scroll_id);
        body = expectStatus(await os('POST', '/_search/scroll', { scroll: '1m', scroll_id: body._scroll_id }), 200, 'scroll next');
      }
      scrollIds.add(body._scroll_id);
    } finally {
      await os('DELETE', '/_search/scroll', { scroll_id: [...scrollIds] });
    }
    assert(seen.size === DOCS_PAST_WINDOW, `collected ${seen.size} distinct docs`);
    return `${seen.size} distinct docs`;
  });

  await check('_delete_by_query (reindex module)', async () => {
    const body = expectStatus(
      await os('POST', `/${pageIndex}/_delete_by_query?refresh=true`, { query: { term: { type: 'odd' } } }),
      200,
      '_delete_by_query'
    );
    assert(body.deleted === DOCS_PAST_WINDOW / 2, `deleted ${body.deleted}`);
    return `deleted ${body.deleted}`;
  });

  // Clean up whatever was created (also when a check failed).
  await call(baseUrl, 'DELETE', `/${prefix}-*`).catch(() => {});

  return results;
}

async function main() {
  const target = process.argv[2] || process.env.OPENSEARCH_URL;
  let node = null;
  let baseUrl = target;
  if (!baseUrl) {
    const { startOpenSearch } = require('./opensearch_node');
    const spawnedAt = Date.now();
    node = await startOpenSearch({ log: (line) => console.error(line) });
    baseUrl = node.url;
    console.log(`started ${node.url} (pid ${node.pid}) in ${((Date.now() - spawnedAt) / 1000).toFixed(1)} s ` +
      `(spawn to yellow ${(node.startupMs / 1000).toFixed(1)} s), RSS ${Math.round(rssKb(node.pid) / 1024)} MB`);
  }
  let results;
  try {
    results = await runChecks(baseUrl);
    if (node) console.log(`RSS after checks: ${Math.round(rssKb(node.pid) / 1024)} MB`);
  } finally {
    if (node) await node.stop();
  }
  const failed = results.filter((r) => !r.ok);
  console.log(failed.length ? `${failed.length} of ${results.length} checks FAILED` : `all ${results.length} checks passed`);
  process.exit(failed.length ? 1 : 0);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
}

module.exports = { runChecks };
