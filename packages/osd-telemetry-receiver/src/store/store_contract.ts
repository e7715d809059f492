/*
 * What every fleet store does, whatever it stores in: run by the SQLite unit suite and by the OpenSearch
 * integration suite, so both answer the receiver's API the same way.
 */
import type { AcceptedReport, FleetStore, RejectedReport } from './types';

export interface StoreUnderTest {
  /** A fresh, empty store. */
  open(): Promise<FleetStore>;
  /** The same storage opened again (after `close()`). */
  reopen(): Promise<FleetStore>;
  /** Removes what `open` created. */
  cleanup(): Promise<void>;
}

export const report = (over: Partial<AcceptedReport> = {}): AcceptedReport => ({
  clusterUuid: 'c1',
  timestamp: '2026-03-01T10:00:00.000Z',
  version: '2.19.0',
  encrypted: true,
  source: 'http',
  receivedAt: Date.parse('2026-03-01T10:00:01.000Z'),
  payload: '{}',
  collectors: { csp: ['strict', 'warnLegacyBrowsers'], telemetry: ['opt_in_status'] },
  optedIn: true,
  ...over,
});

export const rejected = (over: Partial<RejectedReport> = {}): RejectedReport => ({
  clusterUuid: 'c9',
  timestamp: '2026-03-01T10:00:00.000Z',
  source: 'http',
  receivedAt: Date.parse('2026-03-01T10:00:01.000Z'),
  path: 'stack_stats.x',
  reason: 'undeclared field stack_stats.x',
  payload: '{"secret":1}',
  ...over,
});

export function describeFleetStoreContract(name: string, subject: StoreUnderTest) {
  describe(`${name}: the fleet store contract`, () => {
    let store: FleetStore;
    beforeEach(async () => {
      store = await subject.open();
    });
    afterEach(async () => {
      await store.close();
      await subject.cleanup();
    });
    it('is idempotent on (cluster uuid, report timestamp): a resent report counts once, everywhere', async () => {
      expect(await store.addReport(report())).toBe('stored');
      expect(await store.addReport(report({ payload: '{"resent":true}', receivedAt: Date.now() }))).toBe('duplicate');
      const summary = await store.summary({ csp: 3, telemetry: 3 });
      expect(summary).toMatchObject({ deployments: 1, reports: 1, versions: { '2.19.0': 1 } });
      expect(summary.collectors.csp).toEqual({ reports: 1, declaredFields: 3, fieldsSeen: 2, coverage: 0.667, meanFieldsPerReport: 2 });
      expect(summary.timeline).toEqual([{ day: '2026-03-01', deployments: 1, reports: 1 }]);
    });

    it('summarises in the store: versions and plugin adoption from each deployment latest report, coverage over all reports', async () => {
      await store.addReport(report({ clusterUuid: 'c1', timestamp: '2026-03-01T10:00:00.000Z', version: '2.18.0' }));
      await store.addReport(report({ clusterUuid: 'c1', timestamp: '2026-03-02T10:00:00.000Z', version: '2.19.0', collectors: { csp: ['strict'] } }));
      // An older report of c1 imported late does not roll its latest state back.
      await store.addReport(report({ clusterUuid: 'c1', timestamp: '2026-02-27T10:00:00.000Z', version: '2.17.0', source: 'import' }));
      await store.addReport(report({ clusterUuid: 'c2', timestamp: '2026-03-02T11:00:00.000Z', version: '2.19.0', collectors: { csp: ['rulesChangedFromDefault'], ui_metric: [] } }));
      await store.addReport(report({ clusterUuid: 'c3', timestamp: '2026-03-02T12:00:00.000Z', version: '2.18.0', optedIn: false }));

      const summary = await store.summary({ csp: 3, telemetry: 3, ui_metric: 2 });
      expect(summary.deployments).toBe(3);
      expect(summary.reports).toBe(5);
      expect(summary.versions).toEqual({ '2.18.0': 1, '2.19.0': 2 });
      expect(summary.optedIn).toBe(2);
      expect(summary.plugins).toEqual({
        csp: { deployments: 3, share: 1 },
        telemetry: { deployments: 1, share: 0.333 },
        ui_metric: { deployments: 1, share: 0.333 },
      });
      expect(summary.collectors.csp).toMatchObject({ reports: 5, fieldsSeen: 3, coverage: 1, meanFieldsPerReport: 1.6 });
      expect(summary.collectors.ui_metric).toEqual({ reports: 1, declaredFields: 2, fieldsSeen: 0, coverage: 0, meanFieldsPerReport: 0 });
      expect(summary.timeline).toEqual([
        { day: '2026-02-27', deployments: 1, reports: 1 },
        { day: '2026-03-01', deployments: 1, reports: 1 },
        { day: '2026-03-02', deployments: 3, reports: 3 },
      ]);
    });

    it('takes the latest word on the opt-in: an announcement after a report wins, an older one does not', async () => {
      await store.addReport(report({ clusterUuid: 'c1', timestamp: '2026-03-02T10:00:00.000Z' }));
      await store.setOptIn('c1', false, '2026-03-01T00:00:00.000Z');
      expect((await store.summary({})).optedIn).toBe(1);
      await store.setOptIn('c1', false, '2026-03-03T00:00:00.000Z');
      await store.setOptIn('c-never-reported', true, '2026-03-03T00:00:00.000Z');
      expect(await store.summary({})).toMatchObject({ optedIn: 1, deployments: 1 });
    });


    it('keeps rejected reports apart (never in the fleet figures), once per identity, newest first in keyset pages', async () => {
      expect(await store.addRejected(rejected())).toBe('stored');
      expect(await store.addRejected(rejected())).toBe('duplicate');
      for (let i = 1; i <= 2; i++) await store.addRejected(rejected({ timestamp: `2026-03-0${i + 1}T00:00:00.000Z`, path: `p${i}`, receivedAt: Date.parse('2026-03-01T10:00:01.000Z') + i }));
      expect(await store.summary({})).toMatchObject({ deployments: 0, reports: 0, rejected: 3 });
      const first = await store.listRejected({ limit: 2 });
      expect(first.total).toBe(3);
      expect(first.rejected.map((r) => r.path)).toEqual(['p2', 'p1']);
      expect(first.rejected[0]).toEqual({ id: expect.any(Number), clusterUuid: 'c9', timestamp: '2026-03-03T00:00:00.000Z', receivedAt: '2026-03-01T10:00:01.002Z', source: 'http', path: 'p2', reason: 'undeclared field stack_stats.x' });
      const next = await store.listRejected({ limit: 2, before: first.rejected[1].id });
      expect(next.rejected.map((r) => r.path)).toEqual(['stack_stats.x']);
    });

    it('keeps its data across a reopen', async () => {
      await store.addReport(report());
      await store.close();
      store = await subject.reopen();
      expect(await store.addReport(report())).toBe('duplicate');
      expect(await store.summary({})).toMatchObject({ reports: 1, deployments: 1 });
    });
  });
}
