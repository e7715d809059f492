import { createFetchHttp, createWebStorage, DEFAULT_STORAGE_KEY, Reporter, ReportStorage } from '@osd/analytics';
import { DEFAULT_BROWSER_BATCHING_INTERVAL_IN_S, UI_METRIC_REPORT_PATH } from '../../common/constants';
import type { UsageCollectionPublicConfig } from '../types';

export interface CreateReporterOptions {
  config: UsageCollectionPublicConfig['uiMetric'];
  /** `http.basePath.prepend`. */
  prependBasePath(path: string): string;
  /** Sent as `osd-version` (the server accepts it, like `osd-xsrf`, as the xsrf header). */
  version: string;
  storage?: ReportStorage;
  /** This tab's id (see `getTabId`). */
  tabId?: string;
}

const TAB_ID_KEY = 'usageCollection:tabId';

/**
 * An id for this tab, kept in sessionStorage: a reload in the same tab finds it (and its stored metrics)
 * again, another tab gets its own. `undefined` when sessionStorage is unavailable.
 */
export function getTabId(): string | undefined {
  try {
    let id = window.sessionStorage.getItem(TAB_ID_KEY);
    if (!id) {
      id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
      window.sessionStorage.setItem(TAB_ID_KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}

/** The browser's localStorage, or none when the browser refuses it (private mode, disabled storage). */
export function getLocalStorage(): ReportStorage | undefined {
  try {
    return window.localStorage ? createWebStorage(window.localStorage) : undefined;
  } catch {
    return undefined;
  }
}

/** The reporter of this page: localStorage key `analytics:<tab id>`, keepalive `fetch` to the report route. */
export function createReporter({ config, prependBasePath, version, storage = getLocalStorage(), tabId = getTabId() }: CreateReporterOptions) {
  const intervalInS = config.batchingIntervalInS > 0 ? config.batchingIntervalInS : DEFAULT_BROWSER_BATCHING_INTERVAL_IN_S;
  return new Reporter({
    http: createFetchHttp({
      url: prependBasePath(UI_METRIC_REPORT_PATH),
      headers: { 'osd-xsrf': 'osd-analytics', 'osd-version': version },
      fetch: (input, init) => window.fetch(input, init),
    }),
    storage,
    storageKey: tabId ? `${DEFAULT_STORAGE_KEY}:${tabId}` : DEFAULT_STORAGE_KEY,
    storageKeyPrefix: DEFAULT_STORAGE_KEY,
    flushIntervalMs: intervalInS * 1000,
    debug: config.debug,
  });
}
