/** A report time range, as the stats API reads it (ISO strings or epoch milliseconds). */
export interface StatsTimeRange {
  min: string | number;
  max: string | number;
}

export interface GetStatsOptions {
  /** true: every cluster's plain report (the admin's preview); false: what may be sent (encrypted when a key is set). */
  unencrypted: boolean;
  /** Defaults to the last 20 minutes, as the server does. */
  timeRange?: StatsTimeRange;
  /** Collect again instead of serving the cached report. */
  refreshCache?: boolean;
}

export interface GetOptInStatsOptions {
  enabled: boolean;
  unencrypted: boolean;
}

/**
 * A typed client of the stats APIs (`/api/telemetry/v2/clusters/_stats` and `_opt_in_stats`), so public
 * halves do not each hand-build the request bodies. Rejects as the request does (the server's message).
 */
export interface TelemetryStatsClient {
  /** Plain reports (objects) when `unencrypted`, otherwise what may be sent (objects, or JWE strings). */
  getStats(options: GetStatsOptions): Promise<unknown[]>;
  /** The opt-in status report of each cluster. */
  getOptInStats(options: GetOptInStatsOptions): Promise<unknown[]>;
}

export interface TelemetryCollectionManagerPublicSetup {
  statsClient: TelemetryStatsClient;
}
export type TelemetryCollectionManagerPublicStart = TelemetryCollectionManagerPublicSetup;
