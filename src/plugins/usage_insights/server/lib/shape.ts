/*
 * Turns aggregate rows into the API's answers. Pure, so the shapes are unit-tested without a store.
 */
import type { SavedObjectsAggregateResult } from '../../../../core/server';
import type { ApplicationsResponse, CollectorHealthStatus, CollectorsResponse, UsageCountersResponse } from '../../common';
import type { DayWindow } from './day_window';

const text = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
/** Minutes are stored with fractions; two decimals is all a chart shows. */
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Rows grouped by `appId` and the day of `timestamp` into per-app totals (most minutes first), each with one
 * value per day of the window (arrays aligned with `dates`: a compact answer even for 50 apps x 90 days).
 */
export function shapeApplications(rows: SavedObjectsAggregateResult[], window: DayWindow, truncated: boolean): ApplicationsResponse {
  const dayIndex = new Map(window.dates.map((date, i) => [date, i]));
  const byApp = new Map<string, { minutes: number[]; clicks: number[] }>();
  for (const row of rows) {
    const appId = text(row.keys.appId);
    // The day of an ISO timestamp; a stored day outside the window (clock skew, odd data) is left out.
    const i = dayIndex.get(text(row.keys.timestamp).slice(0, 10));
    if (!appId || i === undefined) continue;
    let app = byApp.get(appId);
    if (!app) {
      app = { minutes: window.dates.map(() => 0), clicks: window.dates.map(() => 0) };
      byApp.set(appId, app);
    }
    app.minutes[i] += num(row.sums.minutesOnScreen);
    app.clicks[i] += num(row.sums.numberOfClicks);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const apps = [...byApp.entries()]
    .map(([appId, { minutes, clicks }]) => ({
      appId,
      minutesOnScreen: round2(sum(minutes)),
      numberOfClicks: sum(clicks),
      daily: { minutesOnScreen: minutes.map(round2), numberOfClicks: clicks },
    }))
    .sort((a, b) => b.minutesOnScreen - a.minutesOnScreen || b.numberOfClicks - a.numberOfClicks || (a.appId < b.appId ? -1 : 1));
  return { days: window.days, from: window.from, to: window.to, dates: window.dates, apps, truncated };
}

/** Rows grouped by domain, counter name and type (one query) plus per domain and day (another). */
export function shapeUsageCounters(
  byCounter: SavedObjectsAggregateResult[],
  byDay: SavedObjectsAggregateResult[],
  window: DayWindow
): UsageCountersResponse {
  const domains = new Map<string, UsageCountersResponse['domains'][number]>();
  for (const row of byCounter) {
    const domainId = text(row.keys.domainId);
    if (!domainId) continue;
    const domain = domains.get(domainId) ?? { domainId, total: 0, counters: [] };
    const total = num(row.sums.count);
    domain.total += total;
    domain.counters.push({ counterName: text(row.keys.counterName), counterType: text(row.keys.counterType) || 'count', total });
    domains.set(domainId, domain);
  }
  const sorted = [...domains.values()].sort((a, b) => b.total - a.total || (a.domainId < b.domainId ? -1 : 1));
  for (const domain of sorted) domain.counters.sort((a, b) => b.total - a.total || (a.counterName < b.counterName ? -1 : 1));
  const inWindow = new Set(window.dates);
  const series = byDay
    .filter((row) => text(row.keys.domainId) && inWindow.has(text(row.keys.date)))
    .map((row) => ({ domainId: text(row.keys.domainId), date: text(row.keys.date), count: num(row.sums.count) }));
  return { days: window.days, from: window.from, to: window.to, domains: sorted, series };
}

/** The collector runner's statuses in the words of the page. */
export function healthStatus(status: string): CollectorHealthStatus {
  switch (status) {
    case 'succeeded':
      return 'ok';
    case 'not_ready':
    case 'not_ready_timeout':
      return 'not ready';
    case 'timed_out':
      return 'timed out';
    default:
      return 'failed';
  }
}

interface CollectorStatsLike {
  total_duration?: number;
  collectors?: Array<{ name: string; status: string; fetch_duration?: number; dropped_fields?: number; invalid_values?: number }>;
}

/** The `usage_collector_stats` entry as the health table: failing collectors first, then the slowest. */
export function shapeCollectors(stats: CollectorStatsLike | undefined, measuredAt: string): CollectorsResponse {
  const rank: Record<CollectorHealthStatus, number> = { failed: 0, 'timed out': 1, 'not ready': 2, ok: 3 };
  const collectors = (stats?.collectors ?? [])
    .map((c) => ({
      name: c.name,
      status: healthStatus(c.status),
      fetchDurationMs: round2(num(c.fetch_duration)),
      droppedFields: num(c.dropped_fields),
      invalidValues: num(c.invalid_values),
    }))
    .sort((a, b) => rank[a.status] - rank[b.status] || b.fetchDurationMs - a.fetchDurationMs || (a.name < b.name ? -1 : 1));
  return { measuredAt, totalDurationMs: round2(num(stats?.total_duration)), collectors };
}
