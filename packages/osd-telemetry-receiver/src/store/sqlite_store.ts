import Database from 'better-sqlite3';
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { AcceptedReport, CollectorCoverage, FleetStore, FleetSummary, RejectedEntry, RejectedReport, WriteOutcome } from './types';

/** Days of the timeline the summary returns (the latest ones with data). */
export const TIMELINE_DAYS = 90;
/** Rejected reports kept by default; the oldest go first (each may be megabytes). */
export const DEFAULT_MAX_REJECTED = 10000;

export const SQLITE_FILE = 'fleet.sqlite';

/*
 * One row per accepted report, keyed (cluster_uuid, report_timestamp) so a resent report is a no-op.
 * What the summary needs is written beside it at intake (per-report collectors, per-deployment latest
 * state, fields seen), so every figure of the summary is one GROUP BY or COUNT, never a pass over payloads.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  cluster_uuid TEXT NOT NULL,
  report_timestamp TEXT NOT NULL,
  day TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  version TEXT NOT NULL,
  encrypted INTEGER NOT NULL,
  source TEXT NOT NULL,
  payload TEXT NOT NULL,
  UNIQUE (cluster_uuid, report_timestamp)
);
CREATE INDEX IF NOT EXISTS reports_day ON reports (day, cluster_uuid);
CREATE TABLE IF NOT EXISTS report_collectors (
  report_id INTEGER NOT NULL,
  collector TEXT NOT NULL,
  present_fields INTEGER NOT NULL,
  PRIMARY KEY (collector, report_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS collector_fields (
  collector TEXT NOT NULL,
  path TEXT NOT NULL,
  reports INTEGER NOT NULL,
  PRIMARY KEY (collector, path)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS deployments (
  cluster_uuid TEXT PRIMARY KEY,
  first_timestamp TEXT NOT NULL,
  last_timestamp TEXT NOT NULL,
  version TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deployments_version ON deployments (version);
CREATE TABLE IF NOT EXISTS deployment_collectors (
  collector TEXT NOT NULL,
  cluster_uuid TEXT NOT NULL,
  PRIMARY KEY (collector, cluster_uuid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS deployment_collectors_cluster ON deployment_collectors (cluster_uuid);
CREATE TABLE IF NOT EXISTS opt_in (
  cluster_uuid TEXT PRIMARY KEY,
  opted_in INTEGER NOT NULL,
  at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rejected (
  id INTEGER PRIMARY KEY,
  cluster_uuid TEXT NOT NULL,
  report_timestamp TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  source TEXT NOT NULL,
  path TEXT NOT NULL,
  reason TEXT NOT NULL,
  payload TEXT NOT NULL,
  UNIQUE (cluster_uuid, report_timestamp)
);
`;

export interface SqliteStoreOptions {
  /** Folder of `fleet.sqlite` (created if needed). */
  dataDir: string;
  maxRejected?: number;
}

export function openSqliteStore({ dataDir, maxRejected = DEFAULT_MAX_REJECTED }: SqliteStoreOptions): FleetStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);

  const insertReport = db.prepare(
    `INSERT INTO reports (cluster_uuid, report_timestamp, day, received_at, version, encrypted, source, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
  );
  const insertReportCollector = db.prepare('INSERT INTO report_collectors (report_id, collector, present_fields) VALUES (?, ?, ?)');
  const countField = db.prepare('INSERT INTO collector_fields (collector, path, reports) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET reports = reports + 1');
  // The deployment's latest state moves only forward in report time: an old report imported late does not roll it back.
  const upsertDeployment = db.prepare(
    `INSERT INTO deployments (cluster_uuid, first_timestamp, last_timestamp, version) VALUES (@cluster, @ts, @ts, @version)
     ON CONFLICT (cluster_uuid) DO UPDATE SET
       first_timestamp = min(first_timestamp, excluded.first_timestamp),
       version = CASE WHEN excluded.last_timestamp >= last_timestamp THEN excluded.version ELSE version END,
       last_timestamp = max(last_timestamp, excluded.last_timestamp)
     RETURNING last_timestamp`
  );
  const clearDeploymentCollectors = db.prepare('DELETE FROM deployment_collectors WHERE cluster_uuid = ?');
  const addDeploymentCollector = db.prepare('INSERT OR IGNORE INTO deployment_collectors (collector, cluster_uuid) VALUES (?, ?)');
  const upsertOptIn = db.prepare(
    `INSERT INTO opt_in (cluster_uuid, opted_in, at) VALUES (?, ?, ?)
     ON CONFLICT (cluster_uuid) DO UPDATE SET opted_in = excluded.opted_in, at = excluded.at WHERE excluded.at >= opt_in.at`
  );
  const insertRejected = db.prepare(
    `INSERT INTO rejected (cluster_uuid, report_timestamp, received_at, source, path, reason, payload) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
  );
  const trimRejected = db.prepare('DELETE FROM rejected WHERE id <= ?');

  const addReport = db.transaction((r: AcceptedReport): WriteOutcome => {
    const day = r.timestamp.slice(0, 10);
    const inserted = insertReport.run(r.clusterUuid, r.timestamp, day, r.receivedAt, r.version, r.encrypted ? 1 : 0, r.source, r.payload);
    if (inserted.changes === 0) return 'duplicate';
    const reportId = Number(inserted.lastInsertRowid);
    for (const [collector, paths] of Object.entries(r.collectors)) {
      insertReportCollector.run(reportId, collector, paths.length);
      for (const path of paths) countField.run(collector, path);
    }
    const { last_timestamp: latest } = upsertDeployment.get({ cluster: r.clusterUuid, ts: r.timestamp, version: r.version }) as { last_timestamp: string };
    if (latest === r.timestamp) {
      clearDeploymentCollectors.run(r.clusterUuid);
      for (const collector of Object.keys(r.collectors)) addDeploymentCollector.run(collector, r.clusterUuid);
    }
    upsertOptIn.run(r.clusterUuid, r.optedIn ? 1 : 0, r.timestamp);
    return 'stored';
  });

  const addRejected = db.transaction((r: RejectedReport): WriteOutcome => {
    const inserted = insertRejected.run(r.clusterUuid, r.timestamp, r.receivedAt, r.source, r.path, r.reason, r.payload);
    if (inserted.changes === 0) return 'duplicate';
    const cutoff = Number(inserted.lastInsertRowid) - maxRejected;
    if (cutoff > 0) trimRejected.run(cutoff);
    return 'stored';
  });

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const groups = (sql: string) => db.prepare(sql).all() as Array<{ key: string; n: number; mean?: number }>;

  const summary = db.transaction((declaredFields: Record<string, number>): FleetSummary => {
    const deployments = count('SELECT COUNT(*) AS n FROM deployments');
    const versions: Record<string, number> = {};
    for (const { key, n } of groups('SELECT version AS key, COUNT(*) AS n FROM deployments GROUP BY version ORDER BY version')) versions[key] = n;
    const seen = new Map(groups('SELECT collector AS key, COUNT(*) AS n FROM collector_fields GROUP BY collector').map(({ key, n }) => [key, n]));
    const collectors: Record<string, CollectorCoverage> = {};
    for (const { key, n, mean } of groups('SELECT collector AS key, COUNT(*) AS n, AVG(present_fields) AS mean FROM report_collectors GROUP BY collector ORDER BY collector')) {
      const declared = declaredFields[key] ?? null;
      const fieldsSeen = seen.get(key) ?? 0;
      collectors[key] = {
        reports: n,
        declaredFields: declared,
        fieldsSeen,
        coverage: declared ? Math.round((Math.min(fieldsSeen, declared) / declared) * 1000) / 1000 : null,
        meanFieldsPerReport: Math.round((mean ?? 0) * 100) / 100,
      };
    }
    const plugins: FleetSummary['plugins'] = {};
    for (const { key, n } of groups('SELECT collector AS key, COUNT(*) AS n FROM deployment_collectors GROUP BY collector ORDER BY collector')) {
      plugins[key] = { deployments: n, share: deployments ? Math.round((n / deployments) * 1000) / 1000 : 0 };
    }
    const timeline = (
      db
        .prepare(`SELECT day, COUNT(DISTINCT cluster_uuid) AS deployments, COUNT(*) AS reports FROM reports GROUP BY day ORDER BY day DESC LIMIT ${TIMELINE_DAYS}`)
        .all() as FleetSummary['timeline']
    ).reverse();
    return {
      deployments,
      reports: count('SELECT COUNT(*) AS n FROM reports'),
      rejected: count('SELECT COUNT(*) AS n FROM rejected'),
      optedIn: count('SELECT COUNT(*) AS n FROM opt_in WHERE opted_in = 1'),
      versions,
      collectors,
      plugins,
      timeline,
    };
  });

  const listRejected = db.prepare(
    'SELECT id, cluster_uuid, report_timestamp, received_at, source, path, reason FROM rejected WHERE id < ? ORDER BY id DESC LIMIT ?'
  );

  return {
    async addReport(report) {
      return addReport.immediate(report);
    },
    async addRejected(report) {
      return addRejected.immediate(report);
    },
    async setOptIn(clusterUuid, optedIn, at) {
      upsertOptIn.run(clusterUuid, optedIn ? 1 : 0, at);
    },
    async summary(declaredFields) {
      // One read transaction: every figure comes from the same snapshot.
      return summary.deferred(declaredFields);
    },
    async listRejected({ limit, before }) {
      const rows = listRejected.all(before ?? Number.MAX_SAFE_INTEGER, limit) as any[];
      const rejected: RejectedEntry[] = rows.map((row) => ({
        id: row.id,
        clusterUuid: row.cluster_uuid,
        timestamp: row.report_timestamp,
        receivedAt: new Date(row.received_at).toISOString(),
        source: row.source,
        path: row.path,
        reason: row.reason,
      }));
      return { total: count('SELECT COUNT(*) AS n FROM rejected'), rejected };
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
