import { createFakeHttp, createTelemetryPublicConfig, httpError } from '../mocks';
import { senderKindFor } from '../../common/sender';
import { TelemetryService } from './telemetry_service';

const STATE = '/api/telemetry/v2/state';
const OPT_IN = '/api/telemetry/v2/optIn';

function setup({ config = {}, answers = {}, userCanChangeSettings }: { config?: object; answers?: Record<string, unknown>; userCanChangeSettings?: boolean } = {}) {
  const http = createFakeHttp(answers);
  const toasts = { addDanger: jest.fn() };
  const fetch = jest.fn(async () => ({ ok: true, status: 200 }) as Response);
  const service = new TelemetryService({ http: http as any, toasts, config: createTelemetryPublicConfig(config), fetch, userCanChangeSettings, now: () => Date.UTC(2026, 0, 1) });
  return { http, toasts, fetch, service };
}

const undecided = { optIn: null, allowChangingOptInStatus: true, sendUsageFrom: 'server', notifyUserAboutOptInDefault: false };

describe('TelemetryService', () => {
  it('starts from the config and takes the server state', async () => {
    const t = setup({ answers: { [`GET ${STATE}`]: { ...undecided, optIn: true } } });
    expect(t.service.getIsOptedIn()).toBeNull();
    await t.service.refreshState();
    expect(t.service.getIsOptedIn()).toBe(true);
  });

  it('gives null, true or false', async () => {
    for (const optIn of [null, true, false]) {
      const t = setup({ answers: { [`GET ${STATE}`]: { ...undecided, optIn } } });
      await t.service.refreshState();
      expect(t.service.getIsOptedIn()).toBe(optIn);
    }
  });

  it('returns the telemetry URL as a URL', () => {
    const url = setup().service.getTelemetryUrl();
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe('http://127.0.0.1:5610/send');
  });

  it('locks the choice by role for a user who may not change it, sending nothing', async () => {
    const t = setup({ answers: { [`GET ${STATE}`]: undecided }, userCanChangeSettings: false });
    await t.service.refreshState();
    expect(t.service.getCanChangeOptInStatus()).toBe(false);
    expect(t.service.getLockedBy()).toBe('role');
    expect(await t.service.setOptIn(true)).toBe(false);
    expect(t.http.post).not.toHaveBeenCalled();
    // A lock by config says config, whoever the user is.
    const locked = setup({ config: { allowChangingOptInStatus: false }, userCanChangeSettings: false });
    expect(locked.service.getLockedBy()).toBe('config');
    // Granted later (the page's capabilities are read at start): open again.
    t.service.setUserCanChangeSettings(true);
    await t.service.refreshState();
    expect(t.service.getCanChangeOptInStatus()).toBe(true);
  });

  it('says when the choice is locked and by what', async () => {
    const t = setup({ config: { allowChangingOptInStatus: false, optIn: true } });
    expect(t.service.getCanChangeOptInStatus()).toBe(false);
    expect(t.service.getLockedBy()).toBe('config');
    expect(t.service.getIsOptedIn()).toBe(true);
  });

  describe('setOptIn', () => {
    it('posts the choice and updates the state', async () => {
      const t = setup({ answers: { [`POST ${OPT_IN}`]: [] } });
      await expect(t.service.setOptIn(true)).resolves.toBe(true);
      expect(t.http.post).toHaveBeenCalledWith(OPT_IN, { body: JSON.stringify({ enabled: true }) });
      expect(t.service.getIsOptedIn()).toBe(true);
      expect(t.toasts.addDanger).not.toHaveBeenCalled();
      // The server announces the opt-in when it is the sender.
      expect(t.fetch).not.toHaveBeenCalled();
    });

    it('keeps the level coherent with the choice, so the browser picks its real sender after an opt-in in the tab', async () => {
      const t = setup({ answers: { [`GET ${STATE}`]: { ...undecided, level: 'off', sendUsageFrom: 'browser' }, [`POST ${OPT_IN}`]: [] } });
      await t.service.refreshState();
      const current = () => {
        let value: any;
        t.service.getState$().subscribe((s) => (value = s)).unsubscribe();
        return value;
      };
      expect(senderKindFor(current())).toBe('null');
      await t.service.setOptIn(true);
      expect(current()).toMatchObject({ optIn: true, level: 'full' });
      expect(senderKindFor(current())).toBe('real');
      await t.service.setOptIn(false);
      expect(current()).toMatchObject({ optIn: false, level: 'off' });
      expect(senderKindFor(current())).toBe('null');
    });

    it('makes no call when the choice is locked', async () => {
      const t = setup({ config: { allowChangingOptInStatus: false } });
      await expect(t.service.setOptIn(true)).resolves.toBe(false);
      expect(t.http.post).not.toHaveBeenCalled();
    });

    it('toasts the server message and keeps the state on failure', async () => {
      const t = setup({ answers: { [`POST ${OPT_IN}`]: httpError(400, 'Not allowed to change Opt-in Status.') } });
      await expect(t.service.setOptIn(true)).resolves.toBe(false);
      expect(t.toasts.addDanger).toHaveBeenCalledWith({ title: 'Could not save the usage data preference', text: 'Not allowed to change Opt-in Status.' });
      expect(t.service.getIsOptedIn()).toBeNull();
    });

    it('announces an opt-in to optInStatusUrl when the browser is the sender (best effort)', async () => {
      const t = setup({ config: { sendUsageFrom: 'browser' }, answers: { [`POST ${OPT_IN}`]: [], 'POST /api/telemetry/v2/clusters/_opt_in_stats': ['jwe'] } });
      t.fetch.mockRejectedValueOnce(new Error('offline'));
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      await expect(t.service.setOptIn(true)).resolves.toBe(true);
      expect(t.fetch).toHaveBeenCalledWith('http://127.0.0.1:5610/opt_in_status', expect.objectContaining({ method: 'POST', body: '["jwe"]' }));
      expect(warn).toHaveBeenCalledTimes(1);
      warn.mockRestore();
    });
  });

  describe('opt-in announcements in browser-sender mode (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('coalesces toggles, and sends one that waited only if the server still says opted in', async () => {
      let serverOptIn: boolean | null = true;
      const t = setup({
        config: { sendUsageFrom: 'browser' },
        answers: {
          [`POST ${OPT_IN}`]: [],
          'POST /api/telemetry/v2/clusters/_opt_in_stats': ['jwe'],
          [`GET ${STATE}`]: () => ({ ...undecided, optIn: serverOptIn, sendUsageFrom: 'browser' }),
        },
      });
      await t.service.setOptIn(true);
      await t.service.setOptIn(false);
      await t.service.setOptIn(true);
      expect(t.fetch).toHaveBeenCalledTimes(1);
      // Opted out on another tab or server meanwhile: the announcement that waited is dropped.
      serverOptIn = false;
      await jest.advanceTimersByTimeAsync(60000);
      expect(t.http.get).toHaveBeenCalledWith(STATE);
      expect(t.fetch).toHaveBeenCalledTimes(1);
      // The dropped one still counts for the interval (conservative); the next opt-in goes when it is over.
      serverOptIn = true;
      await t.service.setOptIn(false);
      await t.service.setOptIn(true);
      expect(t.fetch).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(60000);
      expect(t.fetch).toHaveBeenCalledTimes(2);
      await t.service.stop();
    });
  });

  describe('the "opted in by default" notice', () => {
    const notify = { ...undecided, optIn: true, notifyUserAboutOptInDefault: true };

    it('is for users who may change settings', async () => {
      const t = setup({ answers: { [`GET ${STATE}`]: notify } });
      await t.service.refreshState();
      expect(t.service.getUserShouldSeeOptInNotice()).toBe(true);
      const other = setup({ answers: { [`GET ${STATE}`]: notify }, userCanChangeSettings: false });
      await other.service.refreshState();
      expect(other.service.getUserShouldSeeOptInNotice()).toBe(false);
    });

    it('is no longer wanted once seen (upstream inverted this)', async () => {
      const t = setup({ answers: { [`GET ${STATE}`]: notify, 'PUT /api/telemetry/v2/userHasSeenNotice': {} } });
      await t.service.refreshState();
      await expect(t.service.setUserHasSeenNotice()).resolves.toBe(true);
      expect(t.http.put).toHaveBeenCalledWith('/api/telemetry/v2/userHasSeenNotice');
      expect(t.service.getUserShouldSeeOptInNotice()).toBe(false);
    });

    it('stays wanted, with a toast, when dismissing fails', async () => {
      const t = setup({ answers: { [`GET ${STATE}`]: notify, 'PUT /api/telemetry/v2/userHasSeenNotice': httpError(403, 'Forbidden') } });
      await t.service.refreshState();
      await expect(t.service.setUserHasSeenNotice()).resolves.toBe(false);
      expect(t.toasts.addDanger).toHaveBeenCalledWith({ title: 'Could not dismiss the notice', text: 'Forbidden' });
      expect(t.service.getUserShouldSeeOptInNotice()).toBe(true);
    });
  });

  it('fetchExample asks for the plain report of the last 20 minutes', async () => {
    const t = setup({ answers: { 'POST /api/telemetry/v2/clusters/_stats': [{ cluster_uuid: 'c' }] } });
    await expect(t.service.fetchExample()).resolves.toEqual([{ cluster_uuid: 'c' }]);
    expect(JSON.parse(t.http.post.mock.calls[0][1]!.body as string)).toEqual({
      unencrypted: true,
      refreshCache: false,
      timeRange: { min: '2025-12-31T23:40:00.000Z', max: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('fetchExample rejects with the status of a refusal', async () => {
    const t = setup({ answers: { 'POST /api/telemetry/v2/clusters/_stats': httpError(403, 'Forbidden') } });
    await expect(t.service.fetchExample()).rejects.toMatchObject({ response: { status: 403 } });
  });
});
