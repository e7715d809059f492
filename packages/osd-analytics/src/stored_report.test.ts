import { METRIC_TYPE } from './metrics';
import { addUiStats, emptyReport, PendingReport } from './report';
import { createMemoryStorage } from './storage';
import { loadStoredState, parseStoredValue, toStoredValue } from './stored_report';

const NOW = Date.UTC(2026, 0, 1);

function reportOf(...events: string[]): PendingReport {
  const report = emptyReport();
  for (const event of events) addUiStats(report, 'app', METRIC_TYPE.COUNT, event, 1);
  return report;
}

describe('stored value', () => {
  it('round-trips the report and the retry state, writing no retry fields when there is no wait', () => {
    const report = reportOf('a');
    const waiting = toStoredValue({ report, retryAt: NOW + 5000, failures: 2 }, NOW);
    expect(waiting).toMatchObject({ reportVersion: 1, savedAt: NOW, retryAt: NOW + 5000, failures: 2 });
    expect(parseStoredValue(JSON.parse(JSON.stringify(waiting)))).toEqual({ report, retryAt: NOW + 5000, failures: 2 });
    const calm = toStoredValue({ report, retryAt: 0, failures: 0 }, NOW);
    expect(Object.keys(calm).sort()).toEqual(['reportVersion', 'samples', 'savedAt', 'uiStatsMetrics']);
  });

  it('reads odd retry fields as none, and anything not a report as nothing', () => {
    expect(parseStoredValue({ reportVersion: 1, retryAt: 'soon', failures: -3 })).toEqual({ report: { reportVersion: 1 }, retryAt: 0, failures: 0 });
    expect(parseStoredValue({ reportVersion: 2 })).toBeUndefined();
    expect(parseStoredValue('text')).toBeUndefined();
    expect(parseStoredValue(null)).toBeUndefined();
  });
});

describe('loadStoredState', () => {
  const options = { storageKey: 'analytics:me', prefix: 'analytics', orphanAfterMs: 600000, now: NOW, maxKeys: 1000, maxWaitMs: 3600000 };

  it('merges in the orphans of closed pages with the longest wait and most failures, leaving open tabs alone', () => {
    const storage = createMemoryStorage();
    storage.set('analytics:me', toStoredValue({ report: reportOf('a'), retryAt: NOW + 1000, failures: 1 }, NOW - 1000));
    storage.set('analytics:closed', toStoredValue({ report: reportOf('a', 'b'), retryAt: NOW + 30000, failures: 4 }, NOW - 700000));
    storage.set('analytics:open', toStoredValue({ report: reportOf('c'), retryAt: 0, failures: 0 }, NOW - 1000));
    storage.set('other', 1);
    const { state, adopted } = loadStoredState(storage, options);
    expect(adopted).toBe(true);
    expect(state.retryAt).toBe(NOW + 30000);
    expect(state.failures).toBe(4);
    expect(state.report.uiStatsMetrics!['app-count-a'].stats).toEqual({ min: 1, max: 1, sum: 2, avg: 1 });
    expect(Object.keys(state.report.uiStatsMetrics!)).toEqual(['app-count-a', 'app-count-b']);
    expect(storage.keys().sort()).toEqual(['analytics:me', 'analytics:open', 'other']);
  });

  it('bounds what it loads: at most maxKeys entries (its own first), a wait cut back to maxWaitMs', () => {
    const storage = createMemoryStorage();
    storage.set('analytics:me', toStoredValue({ report: reportOf('a', 'b', 'c'), retryAt: NOW + 10 * 86400000, failures: 1 }, NOW));
    storage.set('analytics:closed', toStoredValue({ report: reportOf('z'), retryAt: 0, failures: 0 }, 0));
    const { state } = loadStoredState(storage, { ...options, maxKeys: 2 });
    expect(Object.keys(state.report.uiStatsMetrics!)).toEqual(['app-count-a', 'app-count-b']);
    expect(state.retryAt).toBe(NOW + 3600000);
  });

  it('starts empty without stored data', () => {
    expect(loadStoredState(createMemoryStorage(), options)).toEqual({ state: { report: emptyReport(), retryAt: 0, failures: 0 }, adopted: false });
  });
});
