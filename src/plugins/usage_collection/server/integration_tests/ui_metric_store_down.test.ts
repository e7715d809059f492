/*
 * POST /api/ui_metric/report while the OpenSearch store goes away and comes back: 503 with Retry-After
 * (never 500), one warning when it goes and one info line when it is back, no stack trace per request.
 * OpenSearch only (the embedded store cannot go away under a running server); the suite stops its node, so
 * it starts its own rather than sharing the file's store-mode node.
 */
import { once } from 'events';
import { startOpenSearch, type OpenSearchNode } from '../../../../../test/opensearch/opensearch_node';
import { ADMIN_AUTH_HEADERS, api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { countsFromUsage, reportBody, UNTHROTTLED_ARGS } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('ui-metric reports while the OpenSearch store goes away and comes back', () => {
  let node: OpenSearchNode;
  let server: OsdServer;
  beforeAll(async () => {
    node = await startOpenSearch({});
    server = await startOsdServer({
      args: [
        '--usageCollection.maximumWaitTimeForAllCollectorsInS=0',
        `--opensearch.hosts=${node.url}`,
        '--opensearchDashboards.index=.osd_ui_metric_store_down',
        ...UNTHROTTLED_ARGS,
      ],
    });
  }, 180000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await node?.stop();
  });

  it('answers 503 with Retry-After while it is away, logs that once, and stores again once it is back', async () => {
    const url = `${server.url}/api/ui_metric/report`;
    expect((await api(url, 'POST', reportBody([['app', 'before', 1]]))).status).toBe(200);

    // A clean stop of the node (its data stays for the restart).
    const exited = once(node, 'exit');
    process.kill(node.pid, 'SIGTERM');
    await exited;

    const during = [];
    for (let i = 0; i < 5; i++) during.push(await api(url, 'POST', reportBody([['app', 'during', 1]])));
    during.push(...(await Promise.all(Array.from({ length: 10 }, () => api(url, 'POST', reportBody([['app', 'during', 1]]))))));
    for (const response of during) {
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'The ui metric store is not available; retry later' });
    }
    const withHeader = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'test', ...ADMIN_AUTH_HEADERS },
      body: JSON.stringify(reportBody([['app', 'during', 1]])),
    });
    expect(withHeader.status).toBe(503);
    expect(withHeader.headers.get('retry-after')).toBe('30');

    await node.restart();
    // One report per probe interval (5 s) tries the store; the first that finds it back is stored.
    let back;
    for (const deadline = Date.now() + 60000; Date.now() < deadline; await sleep(500)) {
      back = await api(url, 'POST', reportBody([['app', 'after', 1]]));
      if (back.status === 200) break;
      expect(back.status).toBe(503);
    }
    expect(back!.status).toBe(200);
    expect((await api(url, 'POST', reportBody([['app', 'after', 1]]))).status).toBe(200);

    const { body } = await api(`${server.url}/api/stats?extended&legacy`);
    expect(countsFromUsage(body.usage.ui_metric)).toEqual({ app: { before: 1, after: 2 } });

    const output = server.output();
    const uiMetricLines = output.split('\n').filter((line) => line.includes('ui_metric'));
    expect(count(output, /The saved-objects store is not available/g)).toBe(1);
    expect(count(output, /The saved-objects store is available again/g)).toBe(1);
    expect(output).not.toContain('Unable to store a ui metric report');
    expect(uiMetricLines.filter((line) => /ERROR|error/.test(line) && !line.includes('not available'))).toEqual([]);
    // No stack trace from the report route: the platform's "Unhandled error" line would carry one.
    expect(output).not.toMatch(/Unhandled error in the handler of \[POST \/api\/ui_metric\/report\]/);
    expect(output).not.toMatch(/\n\s+at .*ui_metric_report/);
  });
});
