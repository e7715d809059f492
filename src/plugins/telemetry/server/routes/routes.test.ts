import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { coreMock, httpServerMock, httpServiceMock } from '../../../../core/server/mocks';
import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { telemetryCollectionManagerPluginMock } from '../../../telemetry_collection_manager/server/mocks';
import { createOptInService } from '../opt_in_state';
import type { TelemetryEnvironment } from '../environment';
import { registerRoutes } from '.';

const forbidden = () => SavedObjectsErrorHelpers.decorateForbiddenError(new Error('forbidden'));
const notFound = () => SavedObjectsErrorHelpers.createGenericNotFoundError('telemetry', 'telemetry');

function setup(options: { attributes?: object | Error; config?: { optIn?: boolean; allowChangingOptInStatus?: boolean }; environment?: TelemetryEnvironment } = {}) {
  const logger = createLoggerMock();
  const client = {
    get: jest.fn(async () => {
      if (options.attributes instanceof Error) throw options.attributes;
      if (!options.attributes) throw notFound();
      return { attributes: options.attributes, version: 'v1' };
    }),
    update: jest.fn().mockRejectedValue(notFound()),
    create: jest.fn().mockResolvedValue({ version: 'v2' }),
  };
  const optIn = createOptInService({
    logger,
    config: { allowChangingOptInStatus: true, sendUsageFrom: 'server', ...options.config },
    environment: options.environment ?? { debug: false },
    currentVersion: '2.19.0',
    getInternalClient: () => client as any,
    pollIntervalMs: 60000,
  });
  const collectionManager = telemetryCollectionManagerPluginMock.createSetupContract();
  collectionManager.getOptInStats.mockImplementation(async (status) => [{ cluster_uuid: 'c', opt_in_status: status }]);
  const optInStatusSender = { announceOptIn: jest.fn(), cancelPending: jest.fn() };
  const router = httpServiceMock.createRouter('telemetry', logger);
  registerRoutes({ router, logger, currentVersion: '2.19.0', collectionManager, optIn, optInStatusSender });
  const call = async (method: 'get' | 'post' | 'put', path: string, body?: unknown) => {
    const route = router.getRoute(method, path);
    const context = coreMock.createRequestHandlerContext({ savedObjectsClient: client });
    return route.handler(context, httpServerMock.createOpenSearchDashboardsRequest({ method, path, body }), httpServerMock.createResponseFactory());
  };
  return { call, client, collectionManager, optInStatusSender };
}

describe('POST /api/telemetry/v2/optIn', () => {
  const optIn = (t: ReturnType<typeof setup>, enabled: boolean) => t.call('post', '/api/telemetry/v2/optIn', { enabled });

  it('records the choice with the version and answers the opt-in stats', async () => {
    const t = setup();
    const response = await optIn(t, false);
    expect(response.status).toBe(200);
    expect(response.payload).toEqual([{ cluster_uuid: 'c', opt_in_status: false }]);
    expect(t.client.create).toHaveBeenCalledWith('telemetry', { enabled: false, lastVersionChecked: '2.19.0' }, { id: 'telemetry' });
    expect(t.collectionManager.getOptInStats).toHaveBeenCalledTimes(1);
  });

  it('announces an opt-in once, never an opt-out (which drops one still waiting)', async () => {
    const t = setup();
    await optIn(t, false);
    expect(t.optInStatusSender.announceOptIn).not.toHaveBeenCalled();
    expect(t.optInStatusSender.cancelPending).toHaveBeenCalledTimes(1);
    // The route's read sees the opt-out; the read back after the write sees the opt-in.
    t.client.get
      .mockResolvedValueOnce({ attributes: { enabled: false, lastVersionChecked: '2.19.0' }, version: 'v2' })
      .mockResolvedValue({ attributes: { enabled: true }, version: 'v3' });
    t.client.update.mockResolvedValue({ version: 'v3' });
    await optIn(t, true);
    expect(t.optInStatusSender.announceOptIn).toHaveBeenCalledTimes(1);
    await optIn(t, true);
    expect(t.optInStatusSender.announceOptIn).toHaveBeenCalledTimes(1);
    expect(await t.optInStatusSender.announceOptIn.mock.calls[0][0]()).toEqual([{ cluster_uuid: 'c', opt_in_status: true }]);
    expect(t.optInStatusSender.cancelPending).toHaveBeenCalledTimes(1);
  });

  it('resets the failure count (ending a failure pause) when the choice changes, not when it is repeated', async () => {
    const t = setup({ attributes: { enabled: true, reportFailureCount: 3, reportFailureVersion: '2.19.0' } });
    t.client.update.mockResolvedValue({ version: 'v2' });
    await optIn(t, true);
    expect(t.client.update).toHaveBeenLastCalledWith('telemetry', 'telemetry', { enabled: true, level: 'full', lastVersionChecked: '2.19.0' }, {});
    await optIn(t, false);
    expect(t.client.update).toHaveBeenLastCalledWith('telemetry', 'telemetry', { enabled: false, lastVersionChecked: '2.19.0', reportFailureCount: 0 }, {});
  });

  it('answers 400 when the config locks the choice, in either direction', async () => {
    for (const configOptIn of [true, false]) {
      const t = setup({ config: { optIn: configOptIn, allowChangingOptInStatus: false } });
      const response = await optIn(t, !configOptIn);
      expect(response.status).toBe(400);
      expect(response.payload).toBe('Not allowed to change Opt-in Status.');
      expect(t.client.create).not.toHaveBeenCalled();
      expect(t.client.update).not.toHaveBeenCalled();
    }
  });

  it('answers 400 naming the environment when DO_NOT_TRACK forces the opt-out', async () => {
    const t = setup({ environment: { forcedOptOutBy: 'DO_NOT_TRACK', debug: false } });
    const response = await optIn(t, true);
    expect(response.status).toBe(400);
    expect(response.payload).toMatch(/^Not allowed to change Opt-in Status\. Telemetry is disabled by the environment/);
  });

  it('answers 403 when the saved object is forbidden, to read or to write', async () => {
    expect((await optIn(setup({ attributes: forbidden() }), true)).status).toBe(403);
    const t = setup();
    t.client.create.mockRejectedValue(forbidden());
    expect((await optIn(t, true)).status).toBe(403);
  });

  it('fails (500) on any other write error instead of answering 200', async () => {
    const t = setup();
    t.client.create.mockRejectedValue(new Error('disk full'));
    await expect(optIn(t, true)).rejects.toThrow('disk full');
    expect(t.optInStatusSender.announceOptIn).not.toHaveBeenCalled();
  });
});

describe('PUT /api/telemetry/v2/userHasSeenNotice', () => {
  it('records the notice and answers the attributes', async () => {
    const t = setup({ attributes: { enabled: true } });
    t.client.update.mockResolvedValue({ version: 'v2' });
    const response = await t.call('put', '/api/telemetry/v2/userHasSeenNotice');
    expect(response.status).toBe(200);
    expect(response.payload).toEqual({ enabled: true, userHasSeenNotice: true });
    expect(t.client.update).toHaveBeenCalledWith('telemetry', 'telemetry', { userHasSeenNotice: true }, {});
  });

  it('answers 403 when forbidden, never spreading `false` into the object', async () => {
    const t = setup({ attributes: forbidden() });
    expect((await t.call('put', '/api/telemetry/v2/userHasSeenNotice')).status).toBe(403);
    expect(t.client.update).not.toHaveBeenCalled();
  });
});

describe('POST /api/telemetry/v2/clusters/_stats', () => {
  it('answers 500 with the reason when the report cannot be built', async () => {
    const t = setup();
    t.collectionManager.getStats.mockRejectedValue(new Error('Every telemetry collection failed ("local": boom)'));
    const response = await t.call('post', '/api/telemetry/v2/clusters/_stats', { unencrypted: true, refreshCache: false });
    expect(response.status).toBe(500);
    expect(response.payload).toEqual({ message: 'Could not build the telemetry report: Every telemetry collection failed ("local": boom)' });
  });
});

describe('GET /api/telemetry/v2/state', () => {
  it('answers undecided on a fresh install', async () => {
    const t = setup();
    const response = await t.call('get', '/api/telemetry/v2/state');
    expect(response.status).toBe(200);
    expect(response.payload).toEqual({ optIn: null, level: 'off', allowChangingOptInStatus: true, sendUsageFrom: 'server', notifyUserAboutOptInDefault: false });
  });

  it('says what locks the choice', async () => {
    const t = setup({ config: { optIn: true, allowChangingOptInStatus: false } });
    const response = await t.call('get', '/api/telemetry/v2/state');
    expect(response.payload).toEqual({ optIn: true, level: 'full', allowChangingOptInStatus: false, lockedBy: 'config', sendUsageFrom: 'server', notifyUserAboutOptInDefault: false });
  });

  it('asks for the "opted in by default" notice until it was seen', async () => {
    const t = setup({ config: { optIn: true } });
    expect(((await t.call('get', '/api/telemetry/v2/state')).payload as any).notifyUserAboutOptInDefault).toBe(true);
    const seen = setup({ config: { optIn: true }, attributes: { userHasSeenNotice: true } });
    expect(((await seen.call('get', '/api/telemetry/v2/state')).payload as any).notifyUserAboutOptInDefault).toBe(false);
  });
});
