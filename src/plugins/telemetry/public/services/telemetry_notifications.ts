import type { Subscription } from 'rxjs';
import type { IToasts, MountPoint, OverlayBannersStart } from '../../../../core/public';
import type { TelemetryService } from './telemetry_service';

/** Banners sit above most others, as upstream's. */
export const BANNER_PRIORITY = 10000;

export interface TelemetryNotificationsOptions {
  banners: Pick<OverlayBannersStart, 'add' | 'remove'>;
  telemetryService: Pick<
    TelemetryService,
    'getState$' | 'refreshState' | 'getIsOptedIn' | 'getCanChangeOptInStatus' | 'getUserShouldSeeOptInNotice' | 'setOptIn' | 'setUserHasSeenNotice'
  >;
  /** Tells the user when a banner button found the choice already made elsewhere. */
  toasts: Pick<IToasts, 'add'>;
  /** `telemetry.banner`: false shows neither banner. */
  bannerEnabled: boolean;
  /** The opt-in banner, calling back with the choice. */
  renderOptInBanner: (onChangeOptInClick: (enabled: boolean) => void) => MountPoint;
  /** The "opted in by default" notice, calling back once it was read (a link or Dismiss). */
  renderOptedInNotice: (onSeen: () => void) => MountPoint;
}

/**
 * The opt-in banner (undecided) and the "opted in by default" notice (opted in by config, not yet seen).
 * Never shown when `telemetry.banner` is false or the choice is locked. Both follow the page's one
 * telemetry service: a choice made anywhere in the page (the Usage Data switch, say) takes them down at
 * once, and a banner button never overwrites a choice made elsewhere (another tab) without saying so.
 */
export class TelemetryNotifications {
  private optInBannerId?: string;
  private noticeId?: string;
  private subscription?: Subscription;

  constructor(private readonly options: TelemetryNotificationsOptions) {}

  /** Whether the opt-in banner should be put up now. */
  public shouldShowOptInBanner(): boolean {
    const { bannerEnabled, telemetryService } = this.options;
    return bannerEnabled && this.optInBannerId === undefined && telemetryService.getCanChangeOptInStatus() && telemetryService.getIsOptedIn() === null;
  }

  /** Whether the notice should be put up now. */
  public shouldShowOptedInNoticeBanner(): boolean {
    const { bannerEnabled, telemetryService } = this.options;
    return bannerEnabled && this.noticeId === undefined && telemetryService.getCanChangeOptInStatus() && telemetryService.getUserShouldSeeOptInNotice();
  }

  /** Puts up whichever applies (the notice first; both never apply at once), then follows the state. */
  public show() {
    if (this.shouldShowOptedInNoticeBanner()) {
      this.noticeId = this.options.banners.add(this.options.renderOptedInNotice(() => void this.setOptedInNoticeSeen()), BANNER_PRIORITY);
    } else if (this.shouldShowOptInBanner()) {
      this.optInBannerId = this.options.banners.add(this.options.renderOptInBanner((enabled) => void this.onSetOptInClick(enabled)), BANNER_PRIORITY);
    }
    this.subscription ??= this.options.telemetryService.getState$().subscribe(() => this.removeOutdated());
  }

  /** Stops following the state (the page is going away). */
  public stop() {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /**
   * Enable / Disable on the opt-in banner. The server's state is read first: when the choice was made
   * elsewhere since the banner went up, it is kept, the banner goes and a toast says where to change it.
   * Otherwise the choice is saved (a failure toasts; the banner returns on reload). Resolves whether saved.
   */
  public async onSetOptInClick(enabled: boolean): Promise<boolean> {
    const { telemetryService, toasts } = this.options;
    this.removeOptInBanner();
    try {
      await telemetryService.refreshState();
    } catch {
      // Unknown is not decided: the click goes ahead, and a failing server refuses it with its own toast.
    }
    const current = telemetryService.getIsOptedIn();
    if (current !== null) {
      toasts.add({
        title: `Usage data collection is already turned ${current ? 'on' : 'off'}`,
        text: 'The choice was made elsewhere and is kept. You can change it in Advanced Settings, under Usage Data.',
        color: 'primary',
        iconType: 'iInCircle',
        'data-test-subj': 'telemetryAlreadyDecidedToast',
      });
      return false;
    }
    if (!telemetryService.getCanChangeOptInStatus()) return false;
    return telemetryService.setOptIn(enabled);
  }

  /** A link or Dismiss on the notice: removes it and records that it was seen. */
  public async setOptedInNoticeSeen(): Promise<boolean> {
    this.removeNotice();
    return this.options.telemetryService.setUserHasSeenNotice();
  }

  /** Takes down what no longer applies: the banner once decided or locked, the notice once seen or locked. */
  private removeOutdated() {
    const { telemetryService } = this.options;
    const canChange = telemetryService.getCanChangeOptInStatus();
    if (!canChange || telemetryService.getIsOptedIn() !== null) this.removeOptInBanner();
    if (!canChange || !telemetryService.getUserShouldSeeOptInNotice()) this.removeNotice();
  }

  private removeOptInBanner() {
    if (this.optInBannerId !== undefined) this.options.banners.remove(this.optInBannerId);
    this.optInBannerId = undefined;
  }

  private removeNotice() {
    if (this.noticeId !== undefined) this.options.banners.remove(this.noticeId);
    this.noticeId = undefined;
  }
}
