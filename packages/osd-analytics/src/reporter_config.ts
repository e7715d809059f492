import type { ReportHTTP } from './http';
import type { ReportStorage } from './storage';

export interface ReporterLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface ReporterConfig {
  /** Sends a report; a rejection is judged by `decideRetry` (drop, or keep and retry). */
  http: ReportHTTP;
  /** Keeps what is not confirmed sent across reloads. Without one, nothing outlives the page. */
  storage?: ReportStorage;
  /**
   * This page's key (default `analytics`). Give each tab its own (`analytics:<tab id>`, the id kept in
   * sessionStorage so that a reload finds it again): tabs then never load, and send, each other's metrics.
   */
  storageKey?: string;
  /**
   * Keys starting with this (default `analytics`) that were not written for `orphanAfterMs` belong to pages
   * that are gone: their metrics are adopted and sent by this page.
   */
  storageKeyPrefix?: string;
  /** Default: 10 min, or more with long waits (a live page rewrites its key at every send). */
  orphanAfterMs?: number;
  /** How often the collected metrics are sent. */
  flushIntervalMs: number;
  /** Cap of the doubling wait after failed sends without a usable `Retry-After` (default 5 min). */
  maxRetryIntervalMs?: number;
  /** Cap of an honoured `Retry-After` (default 1 h), against a bogus far-future date. */
  maxRetryAfterMs?: number;
  /**
   * Most distinct entries (ui metrics, user agents, apps) kept unsent (default 1000). Counts are merged per
   * entry, so this bounds storage however long the server is away; entries beyond it are dropped.
   */
  maxKeys?: number;
  /** Storage is written at most once per this many ms (default 1000). */
  storageWriteIntervalMs?: number;
  /** Log each metric at debug level. */
  debug?: boolean;
  logger?: ReporterLogger;
  now?: () => number;
  /** In [0, 1): the jitter of retry waits. */
  random?: () => number;
}

export const DEFAULT_STORAGE_KEY = 'analytics';
export const DEFAULT_MAX_RETRY_INTERVAL_MS = 5 * 60 * 1000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60 * 1000;
export const DEFAULT_MAX_KEYS = 1000;
/** While a long wait runs, the page rewrites its storage key this often, so no tab adopts its metrics. */
export const HEARTBEAT_MS = 2 * 60 * 1000;
