import { BANNER_PRIORITY, TelemetryNotifications } from './telemetry_notifications';

function setup({ optIn = null as boolean | null, canChange = true, notice = false, bannerEnabled = true } = {}) {
  let id = 0;
  const banners = { add: jest.fn(() => `banner-${++id}`), remove: jest.fn(() => true) };
  const telemetryService = {
    getIsOptedIn: jest.fn(() => optIn),
    getCanChangeOptInStatus: jest.fn(() => canChange),
    getUserShouldSeeOptInNotice: jest.fn(() => notice),
    setOptIn: jest.fn(async () => true),
    setUserHasSeenNotice: jest.fn(async () => true),
  };
  const optInMount = jest.fn();
  const noticeMount = jest.fn();
  const callbacks: { choice?: (enabled: boolean) => void; seen?: () => void } = {};
  const notifications = new TelemetryNotifications({
    banners,
    telemetryService,
    bannerEnabled,
    renderOptInBanner: (onChoice) => ((callbacks.choice = onChoice), optInMount),
    renderOptedInNotice: (onSeen) => ((callbacks.seen = onSeen), noticeMount),
  });
  return { banners, telemetryService, notifications, optInMount, noticeMount, callbacks };
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

  it('Enable removes the banner and saves the choice', async () => {
    const t = setup();
    t.notifications.show();
    t.callbacks.choice!(true);
    expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
    expect(t.telemetryService.setOptIn).toHaveBeenCalledWith(true);
    expect(t.notifications.shouldShowOptInBanner()).toBe(true); // the service (a fake here) still says undecided
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

    it('a link or Dismiss removes it and records that it was seen', async () => {
      const t = setup({ optIn: true, notice: true });
      t.notifications.show();
      t.callbacks.seen!();
      expect(t.banners.remove).toHaveBeenCalledWith('banner-1');
      expect(t.telemetryService.setUserHasSeenNotice).toHaveBeenCalledTimes(1);
    });
  });
});
