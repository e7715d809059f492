import { digestOf } from '../ledger';
import { TelemetrySendError } from './http_client';
import { createFakeStore, JWE, report, serialized, setup } from './test_utils';

const URL_ = 'http://127.0.0.1:9/send';
const twoClusters = () => {
  const other = { ...serialized(true), clusterUuid: 'c2', plaintext: JSON.stringify({ ...report(), cluster_uuid: 'c2' }) };
  return [serialized(true), other];
};

describe('report delivery: what the ledger records', () => {
  it('records a sent report with the hash of the plaintext the JWE holds, the level and the destination', async () => {
    const { task, ledger, httpClient, clock } = setup();
    await task.runCheck();
    expect(httpClient.post.mock.calls[0][0].body).toBe(JWE);
    expect(ledger.record).toHaveBeenCalledTimes(1);
    const [recorded] = ledger.record.mock.calls[0];
    expect(recorded).toEqual({
      plaintext: JSON.stringify(report()),
      generatedAt: clock.now,
      status: 'sent',
      level: 'full',
      destination: URL_,
      clusterUuid: 'c1',
      encrypted: true,
      trigger: 'schedule',
    });
    expect(digestOf(recorded.plaintext).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records in the ledger only after the shared state says the report was sent (a slow store never delays it)', async () => {
    const { task, ledger, store, clock } = setup();
    const seen: unknown[] = [];
    const record = ledger.record.getMockImplementation()!;
    ledger.record.mockImplementation(async (r) => (seen.push(store.attributes()?.lastReported), record(r)));
    await task.runCheck();
    expect(seen).toEqual([clock.now]);
  });

  it('records the exact bytes posted when plain', async () => {
    const { task, ledger, httpClient, collectionManager } = setup();
    collectionManager.getSendableReports.mockResolvedValue([serialized(false)]);
    await task.runCheck();
    expect(ledger.record.mock.calls[0][0].plaintext).toBe(httpClient.post.mock.calls[0][0].body);
    expect(ledger.record.mock.calls[0][0].encrypted).toBe(false);
  });

  it('records a failed send with its reason, and the reports after it as failed without trying them', async () => {
    const { task, ledger, httpClient, collectionManager } = setup();
    collectionManager.getSendableReports.mockResolvedValue(twoClusters());
    httpClient.post.mockRejectedValue(TelemetrySendError.httpStatus(URL_, 500));
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    expect(ledger.record.mock.calls.map(([r]) => [r.clusterUuid, r.status, r.error])).toEqual([
      ['c1', 'failed', `${URL_} answered HTTP 500`],
      ['c2', 'failed', `not tried after the failure of another cluster's report: ${URL_} answered HTTP 500`],
    ]);
  });

  it('in generate-only mode builds on the schedule, keeps the plain report as generated, sends nothing and keeps the schedule', async () => {
    const { task, ledger, httpClient, collectionManager, store, logger } = setup({ generateOnly: true });
    await task.runCheck();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(collectionManager.getSendableReports).toHaveBeenCalledWith(expect.objectContaining({ encrypt: false }));
    expect(ledger.record.mock.calls[0][0]).toMatchObject({ status: 'generated', destination: null, encrypted: false, trigger: 'schedule' });
    expect(store.attributes()?.lastReported).toBeDefined();
    expect(logger.info).toHaveBeenCalledWith('Telemetry report generated and kept in the ledger (telemetry.generateOnly) (1 cluster).');
  });

  it('in debug mode records the logged report as generated', async () => {
    const { task, ledger } = setup({ debug: true });
    await task.runCheck();
    expect(ledger.record.mock.calls[0][0]).toMatchObject({ status: 'generated', destination: null });
  });

  it('still sends (and schedules) when the ledger cannot be written, with one warning', async () => {
    const { task, ledger, httpClient, logger, store } = setup();
    ledger.record.mockRejectedValue(new Error('disk full'));
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith('Could not keep the telemetry report in the ledger: disk full');
    expect(store.attributes()).toMatchObject({ reportFailureCount: 0 });
  });
});

describe('sendNow (an admin asks for a report now)', () => {
  it('builds and sends nothing while not opted in or undecided', async () => {
    for (const optIn of [false, undefined]) {
      const { task, httpClient, collectionManager, ledger } = setup({ optIn: optIn as boolean });
      expect(await task.sendNow()).toMatchObject({ outcome: 'not_opted_in', state: { optIn: optIn === false ? false : null } });
      expect(collectionManager.getSendableReports).not.toHaveBeenCalled();
      expect(httpClient.post).not.toHaveBeenCalled();
      expect(ledger.record).not.toHaveBeenCalled();
    }
  });

  it('sends a fresh report whatever the schedule, records it, and counts it as the interval report', async () => {
    const { task, httpClient, collectionManager, store, clock } = setup({ store: createFakeStore({ enabled: true, lastReported: Date.parse('2024-03-01T11:59:00Z') }) });
    expect(await task.runCheck()).toBeGreaterThan(1000);
    expect(httpClient.post).not.toHaveBeenCalled();
    const result = await task.sendNow();
    expect(result).toMatchObject({ outcome: 'delivered', kept: false, entries: [expect.objectContaining({ id: 'id-1', status: 'sent', trigger: 'manual' })] });
    expect(collectionManager.getSendableReports).toHaveBeenCalledWith(expect.objectContaining({ refreshCache: true }));
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    expect(store.attributes()).toMatchObject({ lastReported: clock.now, reportFailureCount: 0 });
  });

  it('answers a failure with its entries and leaves the schedule failure count alone', async () => {
    const { task, httpClient, store } = setup({ store: createFakeStore({ enabled: true }) });
    httpClient.post.mockRejectedValue(TelemetrySendError.network(URL_, Object.assign(new Error('x'), { code: 'ECONNREFUSED' })));
    const result = await task.sendNow();
    expect(result).toMatchObject({ outcome: 'failed', entries: [expect.objectContaining({ status: 'failed', error: `cannot reach ${URL_}: ECONNREFUSED` })] });
    expect(store.attributes()?.reportFailureCount).toBeUndefined();
  });

  it('keeps the report as generated in generate-only mode', async () => {
    const { task, httpClient } = setup({ generateOnly: true });
    expect(await task.sendNow()).toMatchObject({ outcome: 'delivered', kept: true, entries: [expect.objectContaining({ status: 'generated' })] });
    expect(httpClient.post).not.toHaveBeenCalled();
  });

  it('waits for a delivery in flight on this server instead of overlapping it', async () => {
    const { task, httpClient } = setup();
    let release!: () => void;
    let inFlight = 0;
    let most = 0;
    httpClient.post.mockImplementation(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => (release = resolve));
      inFlight--;
      return { status: 200 };
    });
    const scheduled = task.runCheck();
    await new Promise((r) => setTimeout(r, 20));
    const manual = task.sendNow();
    await new Promise((r) => setTimeout(r, 20));
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    release();
    await scheduled;
    await new Promise((r) => setTimeout(r, 20));
    release();
    await manual;
    expect(httpClient.post).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });
});
