/* Shared by the server and browser halves: route paths, bounds and the answer shapes. */

export const APP_ID = 'usage_insights';
export const APP_TITLE = 'Usage insights';
export const API_BASE = '/api/usage_insights';
/** Every route of the API requires it (tag `access:usage_insights:read`); only the admin role holds it. */
export const USAGE_INSIGHTS_PRIVILEGE = 'usage_insights:read';

/** The windows the page offers; the API takes any whole number of days up to MAX_DAYS. */
export const DAY_CHOICES = [7, 30, 90] as const;
export const MAX_DAYS = 90;
export const DEFAULT_DAYS = 30;
export const MAX_UI_EVENTS = 100;
export const DEFAULT_UI_EVENTS = 20;
/** Most recent reports shown on the timeline. */
export const MAX_REPORTS = 200;
/** Rows of one chart: apps × days is at most 50 × 90 in the target data set; anything past this is cut. */
export const MAX_APP_DAY_ROWS = 10_000;

export interface ApplicationsResponse {
  days: number;
  /** UTC days, oldest first, `from` … `to` inclusive. */
  from: string;
  to: string;
  /** Every day of the window, oldest first: the positions of each app's `daily` values. */
  dates: string[];
  /** One entry per application (most minutes first): its totals and a value per day (0 where nothing was recorded). */
  apps: Array<{
    appId: string;
    minutesOnScreen: number;
    numberOfClicks: number;
    daily: { minutesOnScreen: number[]; numberOfClicks: number[] };
  }>;
  truncated: boolean;
}

export interface UiEventsResponse {
  limit: number;
  /** Whether daily counts exist for UI events (7 and 30 days are null without them). */
  daily: boolean;
  events: Array<{ appName: string; eventName: string; last7Days: number | null; last30Days: number | null; allTime: number }>;
}

export interface UsageCountersResponse {
  days: number;
  from: string;
  to: string;
  domains: Array<{ domainId: string; total: number; counters: Array<{ counterName: string; counterType: string; total: number }> }>;
  /** Totals per domain per day, for the chart. */
  series: Array<{ domainId: string; date: string; count: number }>;
}

export interface ReportsResponse {
  /** False when the telemetry plugin (and so the ledger) is not there. */
  available: boolean;
  reports: Array<{ id: string; generatedAt: string; status: string; level: string; sizeBytes: number; trigger: string }>;
}

export type CollectorHealthStatus = 'ok' | 'not ready' | 'timed out' | 'failed';

export interface CollectorsResponse {
  /** When the health was measured (it is cached briefly: measuring runs every collector). */
  measuredAt: string;
  totalDurationMs: number;
  collectors: Array<{ name: string; status: CollectorHealthStatus; fetchDurationMs: number; droppedFields: number; invalidValues: number }>;
}
