/*
 * The reads behind the API, one function per route: each is a bounded query (an aggregation in the store,
 * a sorted page, or a point read), never a scan of a whole type per page view.
 */
import type { ISavedObjectsRepository } from '../../../../core/server';
import {
  MAX_APP_DAY_ROWS,
  MAX_REPORTS,
  type ApplicationsResponse,
  type ReportsResponse,
  type UiEventsResponse,
  type UsageCountersResponse,
} from '../../common';
import { dayWindow } from './day_window';
import { shapeApplications, shapeUsageCounters } from './shape';
import { readUiMetricDaily, type UiEventKey } from './ui_metric_daily';
import {
  APPLICATION_USAGE_DAILY_TYPE,
  UI_METRIC_DAILY_SAVED_OBJECT_TYPE,
  UI_METRIC_SAVED_OBJECT_TYPE as UI_METRIC_TYPE,
  USAGE_COUNTERS_SAVED_OBJECT_TYPE as USAGE_COUNTERS_TYPE,
} from '../../../usage_collection/server';

// The types usage_collection stores, by its names.
export { APPLICATION_USAGE_DAILY_TYPE, UI_METRIC_TYPE, USAGE_COUNTERS_TYPE };
/** The telemetry ledger's metadata type (hidden; read through a repository that includes it). */
export const REPORT_TYPE = 'telemetry-report';
/** Counters by name over a window: more than this many distinct counters are cut (the biggest are kept). */
const MAX_COUNTERS = 1000;

export interface InsightsData {
  /** Internal repository over the visible types plus the hidden ones read here that are registered. */
  repository: ISavedObjectsRepository;
  /** Every registered type name (daily UI-metric counts are read only where their type exists). */
  registeredTypes: readonly string[];
  now: () => number;
}

export async function readApplications(data: InsightsData, days: number): Promise<ApplicationsResponse> {
  const window = dayWindow(days, data.now());
  const { rows } = await data.repository.aggregate({
    type: APPLICATION_USAGE_DAILY_TYPE,
    // `timestamp` is the ISO start of the UTC day; as a string it compares in time order.
    filter: { range: { field: 'timestamp', gte: window.from, lt: window.endExclusive } },
    groupBy: ['appId', 'timestamp'],
    sum: ['minutesOnScreen', 'numberOfClicks'],
    size: MAX_APP_DAY_ROWS,
  });
  return shapeApplications(rows, window, rows.length >= MAX_APP_DAY_ROWS);
}

/** Splits a ui-metric id `<appName>:<eventName>` at its first colon. */
export function parseUiMetricId(id: string): UiEventKey {
  const at = id.indexOf(':');
  return at < 0 ? { appName: '', eventName: id } : { appName: id.slice(0, at), eventName: id.slice(at + 1) };
}

/** The `limit` events with the highest all-time count, with their last-7 and last-30-day counts. */
export async function readUiEvents(data: InsightsData, limit: number): Promise<UiEventsResponse> {
  const top = await data.repository.find<{ count?: number }>({
    type: UI_METRIC_TYPE,
    sortField: 'count',
    sortOrder: 'desc',
    perPage: limit,
    fields: ['count'],
  });
  const events = top.saved_objects.map((o) => ({ ...parseUiMetricId(o.id), allTime: Number(o.attributes.count ?? 0) }));
  if (!data.registeredTypes.includes(UI_METRIC_DAILY_SAVED_OBJECT_TYPE)) {
    return { limit, daily: false, events: events.map((e) => ({ ...e, last7Days: null, last30Days: null })) };
  }
  const now = data.now();
  const [week, month] = await readUiMetricDaily(data.repository, events, [dayWindow(7, now).dates, dayWindow(30, now).dates]);
  return {
    limit,
    daily: true,
    events: events.map((e) => {
      const key = `${e.appName}:${e.eventName}`;
      return { ...e, last7Days: week.get(key) ?? 0, last30Days: month.get(key) ?? 0 };
    }),
  };
}

export async function readUsageCounters(data: InsightsData, days: number): Promise<UsageCountersResponse> {
  const window = dayWindow(days, data.now());
  const filter = { range: { field: 'date', gte: window.from, lt: window.endExclusive } };
  const [byCounter, byDay] = await Promise.all([
    data.repository.aggregate({
      type: USAGE_COUNTERS_TYPE,
      filter,
      groupBy: ['domainId', 'counterName', 'counterType'],
      sum: ['count'],
      orderBy: { field: 'count', direction: 'desc' },
      size: MAX_COUNTERS,
    }),
    data.repository.aggregate({ type: USAGE_COUNTERS_TYPE, filter, groupBy: ['domainId', 'date'], sum: ['count'], size: MAX_APP_DAY_ROWS }),
  ]);
  return shapeUsageCounters(byCounter.rows, byDay.rows, window);
}

/** The newest reports of the ledger (metadata only), oldest first for a timeline. */
export async function readReports(ledger: ISavedObjectsRepository | undefined): Promise<ReportsResponse> {
  if (!ledger) return { available: false, reports: [] };
  const { saved_objects: found } = await ledger.find<Record<string, unknown>>({
    type: REPORT_TYPE,
    sortField: 'generatedAt',
    sortOrder: 'desc',
    perPage: MAX_REPORTS,
    fields: ['generatedAt', 'status', 'level', 'sizeBytes', 'trigger'],
  });
  const reports = found
    .map((o) => ({
      id: o.id,
      generatedAt: String(o.attributes.generatedAt ?? ''),
      status: String(o.attributes.status ?? ''),
      level: String(o.attributes.level ?? ''),
      sizeBytes: Number(o.attributes.sizeBytes ?? 0),
      trigger: String(o.attributes.trigger ?? ''),
    }))
    .reverse();
  return { available: true, reports };
}
