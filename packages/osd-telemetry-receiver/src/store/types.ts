/** Where a report came from: posted to `/v2/reports`, or delivered in an export file (`/v2/import`). */
export type ReportSource = 'http' | 'import';

/** A valid report, with what the read side aggregates taken out of it at intake. */
export interface AcceptedReport {
  clusterUuid: string;
  /** The report's own timestamp (ISO 8601): with the cluster uuid, the idempotency key. */
  timestamp: string;
  version: string;
  encrypted: boolean;
  source: ReportSource;
  /** Epoch ms. */
  receivedAt: number;
  /** The report as JSON text (decrypted). */
  payload: string;
  /** `payload` already parsed, when the caller has it (intake does): spares a store that needs the object a second parse. */
  parsed?: unknown;
  /** Collector type → the declared leaf paths its data carried. */
  collectors: Record<string, string[]>;
  /** What the report says about the opt-in (`plugins.telemetry.opt_in_status`; a sent report means yes). */
  optedIn: boolean;
}

/** A report kept aside: it did not fit the schema. Never counted in the fleet data. */
export interface RejectedReport {
  clusterUuid: string;
  timestamp: string;
  source: ReportSource;
  receivedAt: number;
  /** Path of the offending field. */
  path: string;
  reason: string;
  payload: string;
}

export interface RejectedEntry extends Omit<RejectedReport, 'payload' | 'receivedAt'> {
  id: number;
  receivedAt: string;
}

export type WriteOutcome = 'stored' | 'duplicate';

export interface CollectorCoverage {
  /** Accepted reports that carried this collector. */
  reports: number;
  /** Leaf fields its schema declares (`null` when it declares none statically, e.g. `stack_management`). */
  declaredFields: number | null;
  /** Declared fields at least one report carried. */
  fieldsSeen: number;
  /** fieldsSeen / declaredFields, 0..1 (`null` without declared fields). */
  coverage: number | null;
  /** Mean number of declared fields a report carrying it had. */
  meanFieldsPerReport: number;
}

export interface FleetSummary {
  /** Distinct cluster uuids with an accepted report. */
  deployments: number;
  /** Accepted reports (a resent one counts once). */
  reports: number;
  /** Reports kept aside as not fitting the schema. */
  rejected: number;
  /** Clusters whose latest word (opt-in status or report) is "opted in". */
  optedIn: number;
  /** Version → deployments whose latest report has it. */
  versions: Record<string, number>;
  /** Collector type → field coverage. */
  collectors: Record<string, CollectorCoverage>;
  /** Collector type → deployments whose latest report carries it, and their share of all deployments. */
  plugins: Record<string, { deployments: number; share: number }>;
  /** Per UTC day of the report timestamp (the last TIMELINE_DAYS days with data): distinct deployments and reports. */
  timeline: Array<{ day: string; deployments: number; reports: number }>;
}

/** The storage the receiver writes to and aggregates in. */
export interface FleetStore {
  addReport(report: AcceptedReport): Promise<WriteOutcome>;
  addRejected(report: RejectedReport): Promise<WriteOutcome>;
  /** Records an opt-in status announcement; an older word than the one kept is ignored. */
  setOptIn(clusterUuid: string, optedIn: boolean, at: string): Promise<void>;
  /** Aggregated in the store; `declaredFields` per collector type comes from the schema. */
  summary(declaredFields: Record<string, number>): Promise<FleetSummary>;
  /** Newest first; `before` is the id to continue below (keyset paging). */
  listRejected(options: { limit: number; before?: number }): Promise<{ total: number; rejected: RejectedEntry[] }>;
  close(): Promise<void>;
}
