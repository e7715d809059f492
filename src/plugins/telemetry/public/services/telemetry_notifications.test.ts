import { BehaviorSubject } from 'rxjs';
import { BANNER_PRIORITY, TelemetryNotifications } from './telemetry_notifications';

function setup({ optIn = null as boolean | null, canChange = true, notice = false, bannerEnabled = true } = {}) {
  let id = 0;
  const banners = { add: jest.fn(() => `banner-${++id}`), remove: jest.fn(() => true) };
  /** The page's one state, as the real service holds it; `serverOptIn` is what a state read returns. */
  const state = { optIn, canChange, notice, serverOptIn: optIn };
  const state$ = new BehaviorSubject(0);
  const change = (next: Partial<typeof state>) => {
    Object.assign(state, next);
    state$.next(state$.value + 1);
  };
  const telemetryService = {
    getState$: jest.fn(() => state$ as any),
    refreshState: jest.fn(async () => (change({ optIn: state.serverOptIn }), {} as any)),
    getIsOptedIn: jest.fn(() => state.optIn),
    getCanChangeOptInStatus: jest.fn(() => state.canChange),
    getUserShouldSeeOptInNotice: jest.fn(() => state.notice),
    setOptIn: jest.fn(async () => true),
    setUserHasSeenNotice: jest.fn(async () => true),
  };
  const toasts = { add: jest.fn() as any };
  const optInMount = jest.fn();
  const noticeMount = jest.fn();
  const callbacks: { choice?: (enabled: boolean) => void; seen?: () => void } = {};
  const notifications = new TelemetryNotifications({
    banners,
    telemetryService,
    toasts,
    bannerEnabled,
    renderOptInBanner: (onChoice) => ((callbacks.choice = onChoice), optInMount),
    renderOptedInNotice: (onSeen) => ((callbacks.seen = onSeen), noticeMount),
  });
  return { banners, telemetryService, toasts, notifications, optInMount, noticeMount, callbacks, change, state };
}

describe('TelemetryNotifications', () => {
  it('shows the opt-in banner once on a fresh install', () => {
    const t = setup();
    t.notifications.show();
    t.notifications.show();
    expect(t.banners.add).toHaveBeenCalledTimes(1);
    expect(t.banners.add).toHaveBeenCalledWith(t.optInMount, BANNER_PRIORITY);
  });

  it.each([
    ['opted in', { optIn: true }],
    ['opted out', { optIn: false }],
    ['locked', { canChange: false }],
    ['banner: false', { bannerEnabled: false }],
  ])('shows no opt-in banner when %s', (_name, options) => {
    const t = setup(options);
    t.notifications.show();
    expect(t.banners.add).not.toHaveBeenCalled();
  });

  it('Enable removes the banner, reads the state and saves the choice', async () => {
    const t = setup();
    t.notifications.show();
    await expect(t.notifications.onSetOptInClick(true)).resolves.toBe(true);
    expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
    expect(t.telemetryService.refreshState).toHaveBeenCalledTimes(1);
    expect(t.telemetryService.setOptIn).toHaveBeenCalledWith(true);
    expect(t.notifications.shouldShowOptInBanner()).toBe(true); // the service (a fake here) still says undecided
  });

  it('goes away as soon as the choice is made elsewhere in the page (the Usage Data switch)', () => {
    const t = setup();
    t.notifications.show();
    t.change({ optIn: false });
    expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
    expect(t.telemetryService.setOptIn).not.toHaveBeenCalled();
  });

  it('goes away when the choice becomes locked', () => {
    const t = setup();
    t.notifications.show();
    t.change({ canChange: false });
    expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
  });

  it('never overwrites a choice made in another tab: it keeps it and says so', async () => {
    const t = setup();
    t.notifications.show();
    t.state.serverOptIn = true;
    await expect(t.notifications.onSetOptInClick(false)).resolves.toBe(false);
    expect(t.telemetryService.setOptIn).not.toHaveBeenCalled();
    expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
    expect(t.toasts.add).toHaveBeenCalledWith(expect.objectContaining({ title: 'Usage data collection is already turned on' }));
  });

  it('stops following the state when stopped', () => {
    const t = setup();
    t.notifications.show();
    t.notifications.stop();
    t.change({ optIn: true });
    expect(t.banners.remove).not.toHaveBeenCalled();
  });

  it('Disable saves false', async () => {
    const t = setup();
    t.notifications.show();
    await expect(t.notifications.onSetOptInClick(false)).resolves.toBe(true);
    expect(t.telemetryService.setOptIn).toHaveBeenCalledWith(false);
  });

  describe('the "opted in by default" notice', () => {
    it('is shown when the service asks for it', () => {
      const t = setup({ optIn: true, notice: true });
      t.notifications.show();
      expect(t.banners.add).toHaveBeenCalledWith(t.noticeMount, BANNER_PRIORITY);
    });

    it.each([
      [{ optIn: true, notice: true, canChange: false }, false],
      [{ optIn: true, notice: true, bannerEnabled: false }, false],
      [{ optIn: true, notice: false }, false],
      [{ optIn: true, notice: true }, true],
    ])('truth table %p → %p', (options, expected) => {
      expect(setup(options).notifications.shouldShowOptedInNoticeBanner()).toBe(expected);
    });

    it('goes away once the choice changes elsewhere in the page (the service stops asking for it)', () => {
      const t = setup({ optIn: true, notice: true });
      t.notifications.show();
      t.change({ optIn: false, notice: false });
      expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
    });

    it('a link or Dismiss removes it and records that it was seen', async () => {
      const t = setup({ optIn: true, notice: true });
      t.notifications.show();
      t.callbacks.seen!();
      expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
      expect(t.telemetryService.setUserHasSeenNotice).toHaveBeenCalledTimes(1);
    });
  });
});
