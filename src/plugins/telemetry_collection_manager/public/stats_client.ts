import type { TelemetryStatsClient } from './types';

const API = '/api/telemetry/v2/clusters';
/** The server's default report window. */
const WINDOW_MS = 20 * 60 * 1000;

/** The part of core's browser `http` the client needs. */
export interface StatsHttp {
  post<T = unknown>(path: string, options: { body: string }): Promise<T>;
}

export function createStatsClient(http: StatsHttp, now: () => number = Date.now): TelemetryStatsClient {
  return {
    getStats: ({ unencrypted, timeRange, refreshCache = false }) => {
      const max = now();
      const range = timeRange ?? { min: new Date(max - WINDOW_MS).toISOString(), max: new Date(max).toISOString() };
      return http.post<unknown[]>(`${API}/_stats`, { body: JSON.stringify({ unencrypted, timeRange: range, refreshCache }) });
    },
    getOptInStats: ({ enabled, unencrypted }) =>
      http.post<unknown[]>(`${API}/_opt_in_stats`, { body: JSON.stringify({ enabled, unencrypted }) }),
  };
}
