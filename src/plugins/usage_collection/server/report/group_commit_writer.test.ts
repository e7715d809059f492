import { createLoggerMock } from '../mocks';
import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { CounterOverflowError, GroupCommitWriter, WriterUnavailableError } from './group_commit_writer';
import type { ReportIncrements } from './report_increments';

type Op = { type: string; id: string; counterFieldName: string; incrementBy: number };

/** A repository that stores counters in a map, one "transaction" at a time, and can be told to fail. */
function createFakeRepository() {
  const counts = new Map<string, number>();
  const transactions: Op[][] = [];
  const created: any[] = [];
  let active = 0;
  let maxActive = 0;
  const repo: { failWhen: (ops: Op[]) => boolean; incrementCounters: jest.Mock; bulkCreate: jest.Mock } = {
    failWhen: () => false,
    incrementCounters: jest.fn(async (ops: Op[]): Promise<Op[]> => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (repo.failWhen(ops)) throw new Error('corrupt counter');
      transactions.push(ops);
      for (const op of ops) counts.set(op.id, (counts.get(op.id) ?? 0) + op.incrementBy);
      return ops;
    }),
    bulkCreate: jest.fn(async (objects: any[]) => {
      created.push(...objects);
      return { saved_objects: objects.map((o) => ({ ...o, id: 'generated' })) };
    }),
  };
  return { repo, counts, transactions, created, maxActive: () => maxActive };
}

const report = (ids: Array<[string, number]>, applicationUsage: ReportIncrements['applicationUsage'] = []): ReportIncrements => ({
  counters: ids.map(([id, incrementBy]) => ({ id, incrementBy })),
  applicationUsage,
});

function createWriter(lingerMs = 0, now = () => new Date('2024-01-02T03:04:05.000Z')) {
  const fake = createFakeRepository();
  /** What the writer hands to the daily-count buffer, in order. */
  const daily: Array<[string, string, Record<string, string>, number]> = [];
  const dailyCounts = { addDailyCount: (type: string, id: string, attributes: Record<string, string>, count: number) => (daily.push([type, id, attributes, count]), true) };
  const writer = new GroupCommitWriter({ logger: createLoggerMock(), lingerMs, now, dailyCounts });
  writer.start(fake.repo as any);
  return { writer, daily, ...fake };
}

describe('GroupCommitWriter', () => {
  it('refuses writes before start and after stop', async () => {
    const writer = new GroupCommitWriter({ logger: createLoggerMock(), lingerMs: 0 });
    await expect(writer.write(report([['a:b', 1]]))).rejects.toBeInstanceOf(WriterUnavailableError);
    writer.start(createFakeRepository().repo as any);
    await writer.stop();
    await expect(writer.write(report([['a:b', 1]]))).rejects.toThrow('the server is stopping');
  });

  it('merges the increments of concurrent reports into one transaction', async () => {
    const { writer, transactions, counts } = createWriter();
    await Promise.all([
      writer.write(report([['app:a', 1], ['app:b', 2]])),
      writer.write(report([['app:a', 3]])),
      writer.write(report([['app:a', 5], ['app:c', 1]])),
    ]);
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toEqual([
      { type: 'ui-metric', id: 'app:a', counterFieldName: 'count', incrementBy: 9 },
      { type: 'ui-metric', id: 'app:b', counterFieldName: 'count', incrementBy: 2 },
      { type: 'ui-metric', id: 'app:c', counterFieldName: 'count', incrementBy: 1 },
    ]);
    expect(counts.get('app:a')).toBe(9);
    expect(writer.getStats()).toEqual({ commits: 1, committedIncrements: 5 });
  });

  it("hands each committed counter's count of the day (UTC day of the commit) to the daily-count buffer, not to the commit", async () => {
    const { writer, transactions, daily } = createWriter();
    await Promise.all([writer.write(report([['app:a', 2], ['app:GET:_search', 1]])), writer.write(report([['app:a', 3]]))]);
    expect(transactions).toHaveLength(1);
    expect(transactions[0].map((op) => op.type)).toEqual(['ui-metric', 'ui-metric']);
    expect(daily).toEqual([
      ['ui-metric-daily', 'app:a:2024-01-02', { appName: 'app', eventName: 'a', date: '2024-01-02' }, 5],
      // Everything after the first ':' is the event, as in the all-time counter's id.
      ['ui-metric-daily', 'app:GET:_search:2024-01-02', { appName: 'app', eventName: 'GET:_search', date: '2024-01-02' }, 1],
    ]);
  });

  it('starts a new daily count when the UTC day changes between commits', async () => {
    let now = new Date('2024-01-02T23:59:59.999Z');
    const { writer, daily } = createWriter(0, () => now);
    await writer.write(report([['app:a', 1]]));
    now = new Date('2024-01-03T00:00:00.000Z');
    await writer.write(report([['app:a', 4]]));
    expect(daily.map(([, id, , count]) => [id, count])).toEqual([
      ['app:a:2024-01-02', 1],
      ['app:a:2024-01-03', 4],
    ]);
  });

  it('gives a refused report no daily count: only what a commit stored reaches the buffer', async () => {
    const { writer, repo, daily } = createWriter();
    repo.failWhen = (ops) => ops.some((op) => op.id === 'bad:x');
    const results = await Promise.allSettled([writer.write(report([['app:a', 1]])), writer.write(report([['bad:x', 1]]))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(daily.map(([, id, , count]) => [id, count])).toEqual([['app:a:2024-01-02', 1]]);
    repo.failWhen = () => true;
    await expect(writer.write(report([['app:b', 1]]))).rejects.toThrow('corrupt counter');
    expect(daily).toHaveLength(1);
  });

  it('resolves a write only once its transaction is done, and runs one transaction at a time', async () => {
    const { writer, repo, maxActive } = createWriter();
    let acknowledged = false;
    const first = writer.write(report([['a:1', 1]])).then(() => (acknowledged = true));
    await new Promise((r) => setImmediate(r));
    expect(repo.incrementCounters).toHaveBeenCalledTimes(1);
    expect(acknowledged).toBe(false);
    // Arrives during the first commit: gathered into the next one.
    const second = writer.write(report([['a:2', 1]]));
    const third = writer.write(report([['a:3', 1]]));
    await Promise.all([first, second, third]);
    expect(acknowledged).toBe(true);
    expect(repo.incrementCounters).toHaveBeenCalledTimes(2);
    expect(repo.incrementCounters.mock.calls[1][0].map((op: Op) => op.id)).toEqual(['a:2', 'a:3']);
    expect(maxActive()).toBe(1);
  });

  it('never loses or double-counts increments under many concurrent writers', async () => {
    const { writer, counts } = createWriter();
    const writes = [];
    for (let i = 0; i < 500; i++) writes.push(writer.write(report([[`app:e${i % 7}`, 1], ['app:all', 2]])));
    await Promise.all(writes);
    expect(counts.get('app:all')).toBe(1000);
    expect([...counts.entries()].filter(([id]) => id.startsWith('app:e')).reduce((sum, [, n]) => sum + n, 0)).toBe(500);
  });

  it('when a merged commit fails, retries each report alone so only the bad one fails', async () => {
    const { writer, repo, counts } = createWriter();
    repo.failWhen = (ops: Op[]) => ops.some((op) => op.id === 'bad:doc');
    const results = await Promise.allSettled([
      writer.write(report([['good:a', 1]])),
      writer.write(report([['bad:doc', 1], ['good:a', 1]])),
      writer.write(report([['good:b', 1]])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(counts.get('good:a')).toBe(1);
    expect(counts.get('good:b')).toBe(1);
    expect(counts.has('bad:doc')).toBe(false);
  });

  it('rejects the write of a lone report whose commit fails', async () => {
    const { writer, repo } = createWriter();
    repo.failWhen = () => true;
    await expect(writer.write(report([['x:y', 1]]))).rejects.toThrow('corrupt counter');
  });

  it('refuses a report that would carry a counter past MAX_SAFE_INTEGER in its batch, and stores the others', async () => {
    const { writer, transactions, counts } = createWriter();
    const max = Number.MAX_SAFE_INTEGER;
    const results = await Promise.allSettled([
      writer.write(report([['app:big', max - 10], ['app:x', 1]])),
      // Would make app:big max + 1; its own new counter (app:y) must not be stored either, not even as 0.
      writer.write(report([['app:y', 0], ['app:x', 2], ['app:big', 11]])),
      // The same counter twice in one report adds up too.
      writer.write(report([['app:z', 1], ['app:big', 5], ['app:big', 6]])),
      writer.write(report([['app:big', 10], ['app:x', 4]])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(CounterOverflowError);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe(
      `The report would raise ui-metric counter [app:big] past ${max}; it was not stored`
    );
    expect(transactions).toHaveLength(1);
    expect(counts.get('app:big')).toBe(max);
    expect(counts.get('app:x')).toBe(5);
    expect(counts.has('app:y')).toBe(false);
    expect(counts.has('app:z')).toBe(false);
  });

  it('refuses a report that would carry an application\'s clicks or minutes past MAX_SAFE_INTEGER in its batch', async () => {
    const { writer, created } = createWriter();
    const max = Number.MAX_SAFE_INTEGER;
    const results = await Promise.allSettled([
      writer.write(report([], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: max }])),
      writer.write(report([['a:b', 1]], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: 1 }])),
      writer.write(report([], [{ appId: 'other', minutesOnScreen: max, numberOfClicks: 0 }, { appId: 'other', minutesOnScreen: max, numberOfClicks: 0 }])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason.message).toContain('the application usage of [home]');
    expect(created.map((o: any) => o.attributes)).toEqual([{ appId: 'home', minutesOnScreen: 1, numberOfClicks: max, timestamp: '2024-01-02T03:04:05.000Z' }]);
  });

  it('fails every report of a batch at once when the store is unavailable: no one-by-one retry, no warning', async () => {
    const { writer, repo } = createWriter();
    const logger = (writer as any).options.logger;
    const down = SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('OpenSearch is unreachable: connect ECONNREFUSED'));
    repo.incrementCounters.mockRejectedValue(down);
    const results = await Promise.allSettled([writer.write(report([['a:1', 1]])), writer.write(report([['a:2', 1]])), writer.write(report([['a:3', 1]]))]);
    expect(results.map((r) => (r as PromiseRejectedResult).reason)).toEqual([down, down, down]);
    expect(repo.incrementCounters).toHaveBeenCalledTimes(1);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('stops retrying one by one once the store turns out to be unavailable', async () => {
    const { writer, repo } = createWriter();
    const down = SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('gone'));
    repo.incrementCounters.mockRejectedValueOnce(new Error('corrupt counter')).mockRejectedValue(down);
    const results = await Promise.allSettled([writer.write(report([['a:1', 1]])), writer.write(report([['a:2', 1]])), writer.write(report([['a:3', 1]]))]);
    expect(results.map((r) => (r as PromiseRejectedResult).reason)).toEqual([down, down, down]);
    // The merged commit, then the first retry, which found the store away.
    expect(repo.incrementCounters).toHaveBeenCalledTimes(2);
  });

  it('stores application usage as one transactional document per app and commit', async () => {
    const { writer, created } = createWriter();
    await Promise.all([
      writer.write(report([], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: 2 }])),
      writer.write(report([['a:b', 1]], [{ appId: 'home', minutesOnScreen: 0.5, numberOfClicks: 1 }, { appId: 'dev_tools', minutesOnScreen: 2, numberOfClicks: 0 }])),
    ]);
    expect(created).toEqual([
      { type: 'application_usage_transactional', attributes: { appId: 'home', minutesOnScreen: 1.5, numberOfClicks: 3, timestamp: '2024-01-02T03:04:05.000Z' } },
      { type: 'application_usage_transactional', attributes: { appId: 'dev_tools', minutesOnScreen: 2, numberOfClicks: 0, timestamp: '2024-01-02T03:04:05.000Z' } },
    ]);
  });

  it('commits at the end of the I/O phase, so a lone reporter never waits, and batches what arrives during a commit', async () => {
    const { writer, repo, transactions } = createWriter();
    const started = performance.now();
    await writer.write(report([['a:1', 1]]));
    // The fake commit takes 5 ms; nothing is added before it.
    expect(performance.now() - started).toBeLessThan(20);

    const first = writer.write(report([['b:1', 1]]));
    while (repo.incrementCounters.mock.calls.length < 2) await new Promise((r) => setImmediate(r)); // b:1's commit has started...
    const during = [writer.write(report([['b:2', 1]])), writer.write(report([['b:3', 1]]))];
    await new Promise((r) => setTimeout(r, 1));
    during.push(writer.write(report([['b:4', 1]])));
    await Promise.all([first, ...during]);
    // ...and the three that came while it ran went together in the next one.
    expect(repo.incrementCounters).toHaveBeenCalledTimes(3);
    expect(transactions[2].map((op) => op.id).sort()).toEqual(['b:2', 'b:3', 'b:4']);
  });

  it('answers an empty report at once, without a transaction', async () => {
    const { writer, repo } = createWriter();
    await writer.write(report([]));
    expect(repo.incrementCounters).not.toHaveBeenCalled();
  });

  it('with a linger time, waits that long to gather increments', async () => {
    const { writer, repo } = createWriter(30);
    const started = Date.now();
    const first = writer.write(report([['a:1', 1]]));
    await new Promise((r) => setTimeout(r, 10));
    const second = writer.write(report([['a:2', 1]]));
    await Promise.all([first, second]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(repo.incrementCounters).toHaveBeenCalledTimes(1);
  });

  it('stop() commits what is pending before it resolves', async () => {
    const { writer, counts } = createWriter(1000);
    const pending = writer.write(report([['a:1', 4]]));
    await writer.stop();
    await pending;
    expect(counts.get('a:1')).toBe(4);
  });
});
