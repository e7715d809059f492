import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { TelemetrySendError } from './http_client';
import { createOptInStatusSender } from './opt_in_status_sender';

const target = { url: 'http://127.0.0.1:9/opt_in_status', version: '2.19.0', timeoutMs: 1000 };

describe('createOptInStatusSender', () => {
  it('posts the statuses as one JSON array with the opt_in_status channel, in the background', async () => {
    const httpClient = { post: jest.fn().mockResolvedValue({ status: 200 }) };
    const sender = createOptInStatusSender({ logger: createLoggerMock(), httpClient, debug: false, ...target });
    sender.sendInBackground(async () => [{ cluster_uuid: 'c', opt_in_status: true }]);
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

  it('logs a failure at warn, once, and never throws', async () => {
    const logger = createLoggerMock();
    const httpClient = { post: jest.fn().mockRejectedValue(TelemetrySendError.timeout(target.url, 1000)) };
    const sender = createOptInStatusSender({ logger, httpClient, debug: false, ...target });
    sender.sendInBackground(async () => [{ cluster_uuid: 'c', opt_in_status: true }]);
    sender.sendInBackground(() => Promise.reject(new Error('no collection')));
    await sender.stop();
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn.mock.calls.map((call) => call[0]).sort()).toEqual([
      `Failed to notify "${target.url}" from the server about the opt-in selection. Possibly blocked by a firewall? - no answer from ${target.url} within 1000 ms`,
      `Failed to notify "${target.url}" from the server about the opt-in selection. Possibly blocked by a firewall? - no collection`,
    ]);
  });

  it('logs instead of sending in debug mode', async () => {
    const logger = createLoggerMock();
    const httpClient = { post: jest.fn() };
    const sender = createOptInStatusSender({ logger, httpClient, debug: true, ...target });
    sender.sendInBackground(async () => [{ cluster_uuid: 'c', opt_in_status: true }]);
    await sender.stop();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('[OSD_TELEMETRY_DEBUG] opt-in status that would be sent'));
  });
});
