/*
 * The fleet store on a real OpenSearch node (test/opensearch): the same contract the SQLite store passes,
 * plus what is OpenSearch's own: daily indices named with "telemetry" under a template with explicit
 * mappings, idempotent ids, aggregations in the cluster, the receiver started with --opensearch, and
 * three dashboards servers reporting encrypted to it.
 */
import { startOpenSearch, type OpenSearchNode } from '../../../../test/opensearch/opensearch_node';
import { sampleReport } from '../__test_utils__/sample_report';
import { openOpenSearchStore, prefixProblem } from '../store/opensearch/opensearch_store';
import { describeFleetStoreContract, report } from '../store/store_contract';
import type { FleetStore } from '../store/types';
import { buildReportSchema, loadCollectorSchemas } from '../validation/report_schema';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startOsdServer, type OsdServer } from '../../../../test/harness/osd_server';
import { FAST_TIMINGS } from '../../../../src/plugins/telemetry/server/integration_tests/helpers';
import { runReceiverCli, startReceiverProcess } from './receiver_process';

const reportSchema = buildReportSchema(loadCollectorSchemas());
let node: OpenSearchNode;
let suiteCount = 0;
let prefix = '';

beforeAll(async () => {
  node = await startOpenSearch({});
}, 180000);
afterAll(async () => {
  await node?.stop();
});

const dropPrefix = async (p: string) => {
  await fetch(`${node.url}/${p}-*`, { method: 'DELETE' });
  await fetch(`${node.url}/_index_template/${p}-reports`, { method: 'DELETE' });
};

describeFleetStoreContract('OpenSearch', {
  open: async () => {
    prefix = `telemetry-contract-${++suiteCount}`;
    return openOpenSearchStore({ hosts: [node.url], prefix, reportSchema });
  },
  reopen: async () => openOpenSearchStore({ hosts: [node.url], prefix, reportSchema }),
  cleanup: async () => dropPrefix(prefix),
});

describe('the OpenSearch fleet store', () => {
  let store: FleetStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await dropPrefix('telemetry-own');
  });

  it('writes reports to daily indices under its template, with explicit mappings from the schema', async () => {
    store = await openOpenSearchStore({ hosts: [node.url], prefix: 'telemetry-own', reportSchema });
    const payload = JSON.stringify(sampleReport());
    await store.addReport(report({ timestamp: '2026-03-01T10:00:00.000Z', payload }));
    await store.addReport(report({ timestamp: '2026-03-02T10:00:00.000Z', payload }));
    await store.summary({});
    const indices = await (await fetch(`${node.url}/_cat/indices/telemetry-own-*?h=index&s=index&format=json`)).json();
    expect(indices.map((i: any) => i.index)).toEqual([
      'telemetry-own-deployments',
      'telemetry-own-opt-in',
      'telemetry-own-rejected',
      'telemetry-own-reports-2026.03.01',
      'telemetry-own-reports-2026.03.02',
    ]);
    const mapping = (await (await fetch(`${node.url}/telemetry-own-reports-2026.03.01/_mapping`)).json())['telemetry-own-reports-2026.03.01'].mappings;
    expect(mapping.dynamic).toBe('strict');
    const plugins = mapping.properties.report.properties.stack_stats.properties.opensearch_dashboards.properties.plugins.properties;
    expect(plugins.csp.properties.strict).toEqual({ type: 'boolean' });
    expect(plugins.application_usage).toEqual({ type: 'object', enabled: false });
    // The report is searchable by its schema's fields.
    const hits = await (
      await fetch(`${node.url}/telemetry-own-reports-*/_count`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: { term: { 'report.stack_stats.opensearch_dashboards.plugins.csp.warnLegacyBrowsers': true } } }),
      })
    ).json();
    expect(hits.count).toBe(2);
  });

  it('refuses a prefix without "telemetry"', async () => {
    expect(prefixProblem('fleet')).toBe('must contain "telemetry" (the fleet indices are named after it)');
    await expect(openOpenSearchStore({ hosts: [node.url], prefix: 'Fleet', reportSchema })).rejects.toThrow('the index prefix "Fleet" must be');
  });

  it('the receiver started with --opensearch ingests and summarises on the node', async () => {
    const receiver = await startReceiverProcess(['--opensearch', node.url, '--index-prefix', 'telemetry-own']);
    try {
      const post = () =>
        fetch(`${receiver.url}/v2/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot' },
          body: JSON.stringify(sampleReport({ clusterUuid: 'os-a' })),
        }).then((r) => r.json());
      expect(await post()).toMatchObject({ outcome: 'stored' });
      expect(await post()).toMatchObject({ outcome: 'duplicate' });
      const summary = await (await fetch(`${receiver.url}/api/fleet/summary`)).json();
      expect(summary).toMatchObject({ deployments: 1, reports: 1, rejected: 0, optedIn: 1, versions: { '2.19.0': 1 } });
      expect(summary.collectors.csp).toEqual({ reports: 1, declaredFields: 3, fieldsSeen: 3, coverage: 1, meanFieldsPerReport: 3 });
      expect(receiver.output()).toContain('OpenSearch');
    } finally {
      expect(await receiver.stop()).toBe(0);
    }
  });
});

describe('three dashboards servers reporting encrypted to one receiver on OpenSearch', () => {
  const servers: OsdServer[] = [];
  let dir: string;
  afterAll(async () => {
    await Promise.all(servers.map(async (s) => (await s.stop(), s.cleanup())));
    rmSync(dir, { recursive: true, force: true });
    await dropPrefix('telemetry-three');
  });

  it('every report arrives decrypted, validated, stored in the daily index and counted once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-three-'));
    expect((await runReceiverCli(['--generate-key', '--out', dir])).code).toBe(0);
    const publicKey = readFileSync(join(dir, 'receiver_public.jwk.json'), 'utf8').replace(/\s+/g, ' ');
    const receiver = await startReceiverProcess(['--opensearch', node.url, '--index-prefix', 'telemetry-three', '--key', join(dir, 'receiver_private.jwk.json')]);
    try {
      const settings = { ...FAST_TIMINGS, optIn: 'true', url: `${receiver.url}/v2/reports`, optInStatusUrl: `${receiver.url}/v2/opt_in_status` };
      const args = Object.entries(settings).map(([key, value]) => `--telemetry.${key}=${value}`);
      const env = { DO_NOT_TRACK: '', OSD_TELEMETRY_DISABLED: '', OSD_TELEMETRY_DEBUG: '' };
      servers.push(...(await Promise.all([1, 2, 3].map(() => startOsdServer({ args, env, yaml: `telemetry.encryptionKey: '${publicKey}'\n` })))));

      const deadline = Date.now() + 60000;
      let summary: any;
      for (;;) {
        summary = await (await fetch(`${receiver.url}/api/fleet/summary`)).json();
        // One report's writes (report, deployment, opt-in) are one _bulk, applied per index, not at once.
        if (summary.deployments >= 3 && summary.reports >= 3 && summary.optedIn >= 3) break;
        if (Date.now() > deadline) throw new Error(`not every server reported: ${JSON.stringify(summary)}\n${receiver.output()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(summary).toMatchObject({ deployments: 3, reports: 3, rejected: 0, optedIn: 3 });
      expect(Object.values(summary.versions)).toEqual([3]);
      expect(summary.plugins.core).toEqual({ deployments: 3, share: 1 });
      const uuids = (await fetch(`${node.url}/telemetry-three-reports-*/_search?size=10`).then((r) => r.json())).hits.hits.map((h: any) => h._source.cluster_uuid);
      expect(new Set(uuids).size).toBe(3);
      expect((await fetch(`${node.url}/telemetry-three-reports-*/_search?size=1`).then((r) => r.json())).hits.hits[0]._source.encrypted).toBe(true);
    } finally {
      expect(await receiver.stop()).toBe(0);
    }
  });
});
