import { savedObjectsRepositoryMock } from '../../../../core/server/mocks';
import { parseUiMetricId, readReports, readUiEvents } from './insights_data';

const NOW = Date.UTC(2026, 2, 10, 12);

function repositoryWith(counts: Record<string, number>) {
  const repository = savedObjectsRepositoryMock.create();
  repository.find.mockResolvedValue({
    page: 1,
    per_page: 2,
    total: 2,
    saved_objects: Object.entries(counts).map(([id, count]) => ({ id, type: 'ui-metric', attributes: { count }, references: [], score: 1 })),
  } as never);
  return repository;
}

describe('parseUiMetricId', () => {
  it('splits at the first colon', () => {
    expect(parseUiMetricId('app:event:with:colons')).toEqual({ appName: 'app', eventName: 'event:with:colons' });
    expect(parseUiMetricId('no-colon')).toEqual({ appName: '', eventName: 'no-colon' });
  });
});

describe('readUiEvents', () => {
  it('ranks by the all-time count and reads just those events\' days by id, summed over 7 and 30 days', async () => {
    const repository = repositoryWith({ 'app:a': 50, 'app:b': 10 });
    // app:a counted 3 today, 5 ten days ago, 100 forty days ago (outside every window); app:b nothing.
    const stored: Record<string, number> = { 'app:a:2026-03-10': 3, 'app:a:2026-02-28': 5, 'app:a:2026-01-29': 100 };
    repository.bulkGet.mockImplementation(async (objects = []) => ({
      saved_objects: objects.map(({ type, id }) =>
        id in stored ? { type, id, attributes: { count: stored[id] }, references: [] } : { type, id, error: { statusCode: 404 } }
      ),
    }) as never);
    const answer = await readUiEvents({ repository, registeredTypes: ['ui-metric', 'ui-metric-daily'], now: () => NOW }, 2);
    expect(repository.find).toHaveBeenCalledWith({ type: 'ui-metric', sortField: 'count', sortOrder: 'desc', perPage: 2, fields: ['count'] });
    // One bulk read: 2 events x the 30 days of the longer window.
    expect(repository.bulkGet).toHaveBeenCalledTimes(1);
    const asked = repository.bulkGet.mock.calls[0][0]!;
    expect(asked).toHaveLength(60);
    expect(asked[0]).toEqual({ type: 'ui-metric-daily', id: 'app:a:2026-02-09', fields: ['count'] });
    expect(asked[59]).toEqual({ type: 'ui-metric-daily', id: 'app:b:2026-03-10', fields: ['count'] });
    expect(answer).toEqual({
      limit: 2,
      daily: true,
      events: [
        { appName: 'app', eventName: 'a', last7Days: 3, last30Days: 8, allTime: 50 },
        { appName: 'app', eventName: 'b', last7Days: 0, last30Days: 0, allTime: 10 },
      ],
    });
  });

  it('says there are no daily counts when their type is not registered', async () => {
    const repository = repositoryWith({ 'app:a': 5 });
    const answer = await readUiEvents({ repository, registeredTypes: ['ui-metric'], now: () => NOW }, 1);
    expect(repository.bulkGet).not.toHaveBeenCalled();
    expect(answer).toEqual({ limit: 1, daily: false, events: [{ appName: 'app', eventName: 'a', last7Days: null, last30Days: null, allTime: 5 }] });
  });
});

describe('readReports', () => {
  it('is unavailable without the ledger, and lists the newest reports oldest first', async () => {
    expect(await readReports(undefined)).toEqual({ available: false, reports: [] });
    const ledger = savedObjectsRepositoryMock.create();
    ledger.find.mockResolvedValue({
      saved_objects: [
        { id: 'new', attributes: { generatedAt: '2026-03-10T00:00:00Z', status: 'sent', level: 'standard', sizeBytes: 10, trigger: 'manual' } },
        { id: 'old', attributes: { generatedAt: '2026-03-09T00:00:00Z', status: 'failed', level: 'basic', sizeBytes: 20, trigger: 'schedule' } },
      ],
    } as never);
    const answer = await readReports(ledger);
    expect(ledger.find).toHaveBeenCalledWith(expect.objectContaining({ type: 'telemetry-report', sortField: 'generatedAt', sortOrder: 'desc', perPage: 200 }));
    expect(answer.reports.map((r) => [r.id, r.status, r.sizeBytes])).toEqual([
      ['old', 'failed', 20],
      ['new', 'sent', 10],
    ]);
  });
});
