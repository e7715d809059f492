import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { TelemetrySendError } from './http_client';
import { createOptInStatusSender, type OptInStatusSenderOptions } from './opt_in_status_sender';

const MINUTE = 60000;
const target = { url: 'http://127.0.0.1:9/opt_in_status', version: '2.19.0', timeoutMs: 1000 };
const status = (optIn: boolean, tag = '') => async () => [{ cluster_uuid: `c${tag}`, opt_in_status: optIn }];

function setup(overrides: Partial<OptInStatusSenderOptions> = {}) {
  const logger = createLoggerMock();
  const httpClient = { post: jest.fn().mockResolvedValue({ status: 200 }) };
  const isStillAllowed = jest.fn().mockResolvedValue(true);
  const sender = createOptInStatusSender({ logger, httpClient, debug: false, minIntervalMs: MINUTE, isStillAllowed, ...target, ...overrides });
  const bodies = () => httpClient.post.mock.calls.map((call) => call[0].body);
  return { sender, logger, httpClient, isStillAllowed, bodies };
}

describe('createOptInStatusSender', () => {
  it('posts the statuses as one JSON array with the opt_in_status channel, in the background', async () => {
    const { sender, httpClient } = setup();
    sender.announceOptIn(status(true));
    expect(httpClient.post).not.toHaveBeenCalled();
    await sender.stop();
    expect(httpClient.post).toHaveBeenCalledWith(
      expect.objectContaining({
        url: target.url,
        body: '[{"cluster_uuid":"c","opt_in_status":true}]',
        timeoutMs: 1000,
        headers: expect.objectContaining({ 'Content-Type': 'application/json', 'osd-telemetry-channel': 'opt_in_status', 'osd-version': '2.19.0' }),
      })
    );
  });

  it('logs a failure at warn, once per announcement, and never throws', async () => {
    const { sender, httpClient, logger } = setup({ minIntervalMs: 10000 });
    httpClient.post.mockRejectedValue(TelemetrySendError.timeout(target.url, 1000));
    sender.announceOptIn(status(true));
    await sender.stop();
    const other = setup();
    other.sender.announceOptIn(() => Promise.reject(new Error('no collection')));
    await other.sender.stop();
    expect(logger.warn.mock.calls.map((call) => call[0])).toEqual([
      `Failed to notify "${target.url}" from the server about the opt-in selection. Possibly blocked by a firewall? - no answer from ${target.url} within 1000 ms`,
    ]);
    expect(other.logger.warn.mock.calls[0][0]).toContain('- no collection');
  });

  it('logs instead of sending in debug mode', async () => {
    const { sender, httpClient, logger } = setup({ debug: true });
    sender.announceOptIn(status(true));
    await sender.stop();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('[OSD_TELEMETRY_DEBUG] opt-in status that would be sent'));
  });

  it('sends nothing, not even the payloads are asked for, in generate-only mode', async () => {
    const { sender, httpClient } = setup({ generateOnly: true });
    const payloads = jest.fn(status(true));
    sender.announceOptIn(payloads);
    await sender.stop();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(payloads).not.toHaveBeenCalled();
  });

  describe('coalescing (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('20 quick toggles ending opted in: at most one request in the first minute, then the final state', async () => {
      const { sender, bodies, isStillAllowed } = setup();
      // What the route does on each toggle: an opt-in is announced, an opt-out drops what waits.
      for (let i = 0; i < 20; i++) {
        if (i % 2 === 0) sender.cancelPending();
        else sender.announceOptIn(status(true, String(i)));
        await jest.advanceTimersByTimeAsync(200);
      }
      expect(bodies()).toEqual(['[{"cluster_uuid":"c1","opt_in_status":true}]']);
      // The first announcement went at 200 ms: the window ends a minute later.
      await jest.advanceTimersByTimeAsync(200 + MINUTE - 20 * 200 - 1);
      expect(bodies()).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(bodies()).toEqual(['[{"cluster_uuid":"c1","opt_in_status":true}]', '[{"cluster_uuid":"c19","opt_in_status":true}]']);
      // The announcement that waited checked the state first; the first one did not need to.
      expect(isStillAllowed).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(10 * MINUTE);
      expect(bodies()).toHaveLength(2);
      await sender.stop();
    });

    it('toggles ending opted out: nothing after the first announcement', async () => {
      const { sender, bodies } = setup();
      for (let i = 0; i < 20; i++) {
        if (i % 2 === 0) sender.announceOptIn(status(true, String(i)));
        else sender.cancelPending();
      }
      await jest.advanceTimersByTimeAsync(5 * MINUTE);
      expect(bodies()).toEqual(['[{"cluster_uuid":"c0","opt_in_status":true}]']);
      await sender.stop();
    });

    it('drops an announcement that waited when the deployment is no longer opted in (e.g. opted out on another server)', async () => {
      const { sender, bodies, isStillAllowed } = setup();
      sender.announceOptIn(status(true, 'a'));
      sender.announceOptIn(status(true, 'b'));
      isStillAllowed.mockRejectedValueOnce(new Error('store down'));
      await jest.advanceTimersByTimeAsync(MINUTE);
      expect(bodies()).toEqual(['[{"cluster_uuid":"ca","opt_in_status":true}]']);
      sender.announceOptIn(status(true, 'c'));
      isStillAllowed.mockResolvedValueOnce(false);
      await jest.advanceTimersByTimeAsync(MINUTE);
      expect(bodies()).toHaveLength(1);
      await sender.stop();
    });

    it('drops what waits on stop, and announces nothing after', async () => {
      const { sender, bodies } = setup();
      sender.announceOptIn(status(true, 'a'));
      sender.announceOptIn(status(true, 'b'));
      await sender.stop();
      sender.announceOptIn(status(true, 'c'));
      await jest.advanceTimersByTimeAsync(2 * MINUTE);
      expect(bodies()).toEqual(['[{"cluster_uuid":"ca","opt_in_status":true}]']);
    });
  });
});
