import { createHash } from 'crypto';
import { Client } from '@opensearch-project/opensearch';
import type { SchemaNode } from '../../validation/report_schema';
import type { AcceptedReport, CollectorCoverage, FleetStore, FleetSummary, RejectedEntry, RejectedReport } from '../types';
import { TIMELINE_DAYS } from '../sqlite_store';
import { bulkWithRetries, expectItem, type BulkOperation, type BulkOptions } from './bulk';
import { createGroupCommit, type GroupCommitOptions } from './group_commit';
import { dailyIndex, deploymentsIndex, DEFAULT_PREFIX, indexNames, optInIndex, rejectedIndex, reportsTemplate } from './mappings';

export interface OpenSearchStoreOptions {
  /** One or more node URLs of the same cluster; the client rotates over them. */
  hosts: string[];
  /** Prefix of every index and template; must contain "telemetry". */
  prefix?: string;
  /** The report schema (`buildReportSchema`), mapped into the template. */
  reportSchema: SchemaNode;
  bulk?: BulkOptions;
  /** How concurrent writes are grouped into shared `_bulk` requests. */
  groupCommit?: GroupCommitOptions;
  now?: () => number;
}

/** Whether an index prefix is usable: lowercase index characters, containing "telemetry". Pure. */
export function prefixProblem(prefix: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9_.-]{0,99}$/.test(prefix)) return 'must be 1 to 100 lowercase letters, digits, "_", "." or "-", starting with a letter or digit';
  if (!prefix.includes('telemetry')) return 'must contain "telemetry" (the fleet indices are named after it)';
  return undefined;
}

// Compare-and-set on the report timestamp: an older report (an import arriving late) never rolls back the state.
const DEPLOYMENT_SCRIPT = `
if (params.ts.compareTo(ctx._source.last_timestamp) >= 0) { ctx._source.last_timestamp = params.ts; ctx._source.version = params.version; ctx._source.collectors = params.collectors; }
if (params.ts.compareTo(ctx._source.first_timestamp) < 0) { ctx._source.first_timestamp = params.ts; }`;
const OPT_IN_SCRIPT = `if (params.at.compareTo(ctx._source.at) >= 0) { ctx._source.opted_in = params.opted_in; ctx._source.at = params.at; } else { ctx.op = 'noop'; }`;

const idOf = (clusterUuid: string, timestamp: string) => createHash('sha256').update(`${clusterUuid}\n${timestamp}`).digest('hex');

/**
 * The `_bulk` operations that store one accepted report: the report document `create`d in its daily index
 * under its idempotent id, the deployment's compare-and-set update and the opt-in update. Pure; exported so
 * the benchmark writes exactly these documents in its bare `_bulk` baseline.
 */
export function reportOperations(prefix: string, r: AcceptedReport): BulkOperation[] {
  const names = indexNames(prefix);
  const collectors = Object.keys(r.collectors).sort();
  const doc = {
    cluster_uuid: r.clusterUuid,
    timestamp: r.timestamp,
    day: r.timestamp.slice(0, 10),
    received_at: new Date(r.receivedAt).toISOString(),
    version: r.version,
    encrypted: r.encrypted,
    source: r.source,
    opted_in: r.optedIn,
    collectors,
    collector_fields: Object.entries(r.collectors).flatMap(([collector, paths]) => paths.map((path) => `${collector}/${path}`)),
    collector_counts: Object.entries(r.collectors).map(([collector, paths]) => ({ collector, present: paths.length })),
    report: r.parsed ?? JSON.parse(r.payload),
  };
  const deployment = { ts: r.timestamp, version: r.version, collectors };
  return [
    [{ create: { _index: dailyIndex(prefix, r.timestamp), _id: idOf(r.clusterUuid, r.timestamp) } }, doc],
    [
      { update: { _index: names.deployments, _id: r.clusterUuid, retry_on_conflict: 5 } },
      {
        script: { source: DEPLOYMENT_SCRIPT, params: deployment },
        upsert: { cluster_uuid: r.clusterUuid, first_timestamp: r.timestamp, last_timestamp: r.timestamp, version: r.version, collectors },
      },
    ],
    optInOp(names.optIn, r.clusterUuid, r.optedIn, r.timestamp),
  ];
}

const optInOp = (index: string, clusterUuid: string, optedIn: boolean, at: string): BulkOperation => [
  { update: { _index: index, _id: clusterUuid, retry_on_conflict: 5 } },
  { script: { source: OPT_IN_SCRIPT, params: { at, opted_in: optedIn } }, upsert: { cluster_uuid: clusterUuid, opted_in: optedIn, at } },
];

/**
 * The fleet store on OpenSearch: reports in daily indices under an index template with explicit
 * mappings, the latest state per deployment and the opt-in word in one document per cluster, rejected
 * reports in their own index. Writes are `_bulk` with retries and idempotent ids; the summary is
 * aggregations (`terms`, `nested`, `avg`, `cardinality`) run by the cluster.
 */
export async function openOpenSearchStore({ hosts, prefix = DEFAULT_PREFIX, reportSchema, bulk, groupCommit, now = Date.now }: OpenSearchStoreOptions): Promise<FleetStore> {
  const problem = prefixProblem(prefix);
  if (problem) throw new Error(`the index prefix "${prefix}" ${problem}`);
  const names = indexNames(prefix);
  const client = new Client({ nodes: hosts });
  try {
    await client.indices.putIndexTemplate({ name: names.template, body: reportsTemplate(prefix, reportSchema) as any });
  } catch (error) {
    await client.close();
    throw new Error(`cannot set up the fleet indices on OpenSearch (${hosts.join(', ')}): ${(error as Error).message}`);
  }
  for (const [index, body] of [
    [names.deployments, deploymentsIndex],
    [names.optIn, optInIndex],
    [names.rejected, rejectedIndex],
  ] as const) {
    try {
      await client.indices.create({ index, body: body as any });
    } catch (error) {
      if ((error as any).meta?.body?.error?.type !== 'resource_already_exists_exception') throw error;
    }
  }
  let seqCounter = 0;
  let closed = false;
  const refresh = () => client.indices.refresh({ index: `${prefix}-*` });
  // Reports arriving together share a `_bulk` (retries stay per item: every operation is idempotent).
  const write = createGroupCommit((operations) => bulkWithRetries(client, operations, bulk), groupCommit);

  return {
    async addReport(r: AcceptedReport) {
      const [created, ...updates] = await write(reportOperations(prefix, r), r.payload.length);
      expectItem(created, 'storing the report', [409]);
      updates.forEach((item) => expectItem(item, 'updating the deployment'));
      return created.status === 409 ? 'duplicate' : 'stored';
    },

    async addRejected(r: RejectedReport) {
      const seq = now() * 1000 + (seqCounter++ % 1000);
      const doc = { seq, cluster_uuid: r.clusterUuid, timestamp: r.timestamp, received_at: new Date(r.receivedAt).toISOString(), source: r.source, path: r.path, reason: r.reason, payload: r.payload };
      const [item] = await write([[{ create: { _index: names.rejected, _id: idOf(r.clusterUuid, r.timestamp) } }, doc]], r.payload.length);
      expectItem(item, 'keeping the rejected report', [409]);
      return item.status === 409 ? 'duplicate' : 'stored';
    },

    async setOptIn(clusterUuid, optedIn, at) {
      const [item] = await write([optInOp(names.optIn, clusterUuid, optedIn, at)]);
      expectItem(item, 'recording the opt-in status');
    },

    async summary(declaredFields) {
      // Writes are not refreshed one by one (that would cost every report a refresh); a read makes them visible.
      await refresh();
      const count = async (index: string, query?: object) => ((await client.count({ index, body: query ? { query } : undefined })).body as any).count as number;
      const search = async (index: string, aggs: object) => ((await client.search({ index, body: { size: 0, aggs } as any })).body as any).aggregations ?? {};
      const [deployments, reports, rejected, optedIn, deploymentAggs, reportAggs] = await Promise.all([
        count(names.deployments),
        count(names.reportsPattern),
        count(names.rejected),
        count(names.optIn, { term: { opted_in: true } }),
        search(names.deployments, { versions: { terms: { field: 'version', size: 1000 } }, plugins: { terms: { field: 'collectors', size: 1000 } } }),
        search(names.reportsPattern, {
          counts: { nested: { path: 'collector_counts' }, aggs: { by: { terms: { field: 'collector_counts.collector', size: 1000 }, aggs: { mean: { avg: { field: 'collector_counts.present' } } } } } },
          fields: { terms: { field: 'collector_fields', size: 10000 } },
          days: { terms: { field: 'day', size: TIMELINE_DAYS, order: { _key: 'desc' } }, aggs: { deployments: { cardinality: { field: 'cluster_uuid', precision_threshold: 40000 } } } },
        }),
      ]);
      const buckets = (agg: any): any[] => agg?.buckets ?? [];
      const versions: Record<string, number> = {};
      for (const b of buckets(deploymentAggs.versions).sort((a, b) => (a.key < b.key ? -1 : 1))) versions[b.key] = b.doc_count;
      const plugins: FleetSummary['plugins'] = {};
      for (const b of buckets(deploymentAggs.plugins).sort((a, b) => (a.key < b.key ? -1 : 1))) {
        plugins[b.key] = { deployments: b.doc_count, share: deployments ? Math.round((b.doc_count / deployments) * 1000) / 1000 : 0 };
      }
      const seen = new Map<string, number>();
      for (const b of buckets(reportAggs.fields)) {
        const collector = String(b.key).split('/')[0];
        seen.set(collector, (seen.get(collector) ?? 0) + 1);
      }
      const collectors: Record<string, CollectorCoverage> = {};
      for (const b of buckets(reportAggs.counts?.by).sort((a, b) => (a.key < b.key ? -1 : 1))) {
        const declared = declaredFields[b.key] ?? null;
        const fieldsSeen = seen.get(b.key) ?? 0;
        collectors[b.key] = {
          reports: b.doc_count,
          declaredFields: declared,
          fieldsSeen,
          coverage: declared ? Math.round((Math.min(fieldsSeen, declared) / declared) * 1000) / 1000 : null,
          meanFieldsPerReport: Math.round((b.mean?.value ?? 0) * 100) / 100,
        };
      }
      const timeline = buckets(reportAggs.days)
        .map((b) => ({ day: b.key as string, deployments: b.deployments.value as number, reports: b.doc_count as number }))
        .reverse();
      return { deployments, reports, rejected, optedIn, versions, collectors, plugins, timeline };
    },

    async listRejected({ limit, before }) {
      await refresh();
      const { body } = await client.search({
        index: names.rejected,
        body: {
          size: limit,
          track_total_hits: true,
          sort: [{ seq: 'desc' }],
          _source: { excludes: ['payload'] },
          query: before === undefined ? { match_all: {} } : { range: { seq: { lt: before } } },
        } as any,
      });
      const total = await client.count({ index: names.rejected });
      const rejected: RejectedEntry[] = (body as any).hits.hits.map(({ _source: s }: any) => ({
        id: s.seq,
        clusterUuid: s.cluster_uuid,
        timestamp: s.timestamp,
        receivedAt: s.received_at,
        source: s.source,
        path: s.path,
        reason: s.reason,
      }));
      return { total: (total.body as any).count, rejected };
    },

    async close() {
      // The client's close() does not return when called twice.
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
