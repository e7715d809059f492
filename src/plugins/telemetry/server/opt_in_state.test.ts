import { SavedObjectsErrorHelpers } from '../../../core/server';
import { createLoggerMock } from '../../usage_collection/server/mocks';
import { computeOptInState, createOptInService, type OptInStateInputs } from './opt_in_state';

const inputs = (config: Partial<OptInStateInputs['config']> = {}, environment: OptInStateInputs['environment'] = { debug: false }): OptInStateInputs => ({
  config: { allowChangingOptInStatus: true, sendUsageFrom: 'server', ...config },
  environment,
  currentVersion: '2.19.0',
});

describe('computeOptInState', () => {
  it('is undecided with no config value and no choice, and asks nothing to be noticed', () => {
    expect(computeOptInState(null, inputs())).toEqual({
      optIn: null,
      level: 'off',
      reason: 'undecided',
      allowChangingOptInStatus: true,
      sendUsageFrom: 'server',
      notifyUserAboutOptInDefault: false,
    });
  });

  it('is opted in by config with the notice to show, until it was seen', () => {
    expect(computeOptInState(null, inputs({ optIn: true }))).toMatchObject({ optIn: true, notifyUserAboutOptInDefault: true });
    expect(computeOptInState({ userHasSeenNotice: true }, inputs({ optIn: true }))).toMatchObject({ optIn: true, notifyUserAboutOptInDefault: false });
  });

  it('keeps the server as sender in generate-only mode, whatever the config or the saved object say', () => {
    expect(computeOptInState({ sendUsageFrom: 'browser' }, inputs({ optIn: true })).sendUsageFrom).toBe('browser');
    expect(computeOptInState({ sendUsageFrom: 'browser' }, inputs({ optIn: true, sendUsageFrom: 'browser', generateOnly: true })).sendUsageFrom).toBe('server');
  });

  it('locks in both directions through the config', () => {
    expect(computeOptInState({ enabled: true }, inputs({ optIn: false, allowChangingOptInStatus: false }))).toMatchObject({
      optIn: false,
      allowChangingOptInStatus: false,
      lockedBy: 'config',
    });
    expect(computeOptInState({ enabled: false, lastVersionChecked: '2.19.0' }, inputs({ optIn: true, allowChangingOptInStatus: false }))).toMatchObject({
      optIn: true,
      lockedBy: 'config',
    });
  });

  it('carries the level of the consent decision: the config level for a config opt-in, the stored one for a choice', () => {
    expect(computeOptInState(null, inputs({ optIn: true, level: 'operational' }))).toMatchObject({ optIn: true, level: 'operational', reason: 'config_default' });
    expect(computeOptInState({ enabled: true, level: 'operational' }, inputs({ optIn: true }))).toMatchObject({ optIn: true, level: 'operational', reason: 'admin_choice' });
    // An unreadable saved object reads as opted out (nothing is sent), not as undecided.
    expect(computeOptInState(false, inputs({ optIn: true }))).toMatchObject({ optIn: false, level: 'off', reason: 'unreadable' });
  });

  it('names a lock that comes from the saved object', () => {
    expect(computeOptInState({ allowChangingOptInStatus: false, enabled: true }, inputs())).toMatchObject({ optIn: true, lockedBy: 'saved_object' });
  });

  it('opts out and locks when the environment says so, whatever else says', () => {
    expect(computeOptInState({ enabled: true }, inputs({ optIn: true, allowChangingOptInStatus: false }, { forcedOptOutBy: 'DO_NOT_TRACK', debug: false }))).toEqual({
      optIn: false,
      level: 'off',
      reason: 'environment',
      allowChangingOptInStatus: false,
      lockedBy: 'environment',
      sendUsageFrom: 'server',
      notifyUserAboutOptInDefault: false,
    });
  });
});

describe('createOptInService', () => {
  const make = (get: jest.Mock) =>
    createOptInService({ ...inputs(), logger: createLoggerMock(), getInternalClient: () => ({ get }), pollIntervalMs: 60000 });

  it('getIsOptedIn is true only when opted in, false when undecided', async () => {
    const get = jest.fn().mockResolvedValue({ attributes: { enabled: true }, version: 'v' });
    expect(await make(get).getIsOptedIn()).toBe(true);
    get.mockRejectedValue(SavedObjectsErrorHelpers.createGenericNotFoundError('telemetry', 'telemetry'));
    expect(await make(get).getIsOptedIn()).toBe(false);
  });

  it('getIsOptedIn resolves false (and logs) when the state cannot be read', async () => {
    const logger = createLoggerMock();
    const service = createOptInService({
      ...inputs(),
      logger,
      getInternalClient: () => ({ get: jest.fn().mockRejectedValue(new Error('locked')) }),
      pollIntervalMs: 60000,
    });
    expect(await service.getIsOptedIn()).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('treating it as opted out: locked'));
  });

  it('isOptedIn$ emits each change once', async () => {
    const get = jest.fn().mockResolvedValue({ attributes: { enabled: false, lastVersionChecked: '2.19.0' } });
    const service = make(get);
    const seen: boolean[] = [];
    service.isOptedIn$.subscribe((v) => seen.push(v));
    await service.refresh();
    await service.refresh();
    get.mockResolvedValue({ attributes: { enabled: true } });
    await service.refresh();
    expect(seen).toEqual([false, true]);
    service.stop();
  });

  it('refresh rejects before start (no client)', async () => {
    const service = createOptInService({ ...inputs(), logger: createLoggerMock(), getInternalClient: () => undefined, pollIntervalMs: 1000 });
    await expect(service.refresh()).rejects.toThrow(/before the server has started/);
  });
});
