/** One sample of the server's operational metrics, as upstream's `OpsMetrics`. */
export interface OpsMetrics {
  collected_at: Date;
  process: {
    memory: {
      heap: { total_in_bytes: number; used_in_bytes: number; size_limit: number };
      resident_set_size_in_bytes: number;
    };
    /** Mean event-loop delay over the interval, in ms. */
    event_loop_delay: number;
    pid: number;
    uptime_in_millis: number;
  };
  os: {
    platform: NodeJS.Platform;
    platformRelease: string;
    load: { '1m': number; '5m': number; '15m': number };
    memory: { total_in_bytes: number; free_in_bytes: number; used_in_bytes: number };
    uptime_in_millis: number;
  };
  response_times: { avg_in_millis: number; max_in_millis: number };
  requests: { disconnects: number; total: number; statusCodes: Record<number, number> };
  concurrent_connections: number;
}

export interface MetricsServiceSetup {
  /** The sampling interval (`ops.interval`), in milliseconds. */
  readonly collectionInterval: number;
  /** Emits a sample every `ops.interval`; a late subscriber gets the latest one at once. */
  getOpsMetrics$(): import('rxjs').Observable<OpsMetrics>;
}
export type MetricsServiceStart = MetricsServiceSetup;
