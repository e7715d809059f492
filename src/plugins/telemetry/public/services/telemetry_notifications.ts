import type { MountPoint, OverlayBannersStart } from '../../../../core/public';
import type { TelemetryService } from './telemetry_service';

/** Banners sit above most others, as upstream's. */
export const BANNER_PRIORITY = 10000;

export interface TelemetryNotificationsOptions {
  banners: Pick<OverlayBannersStart, 'add' | 'remove'>;
  telemetryService: Pick<TelemetryService, 'getIsOptedIn' | 'getCanChangeOptInStatus' | 'getUserShouldSeeOptInNotice' | 'setOptIn' | 'setUserHasSeenNotice'>;
  /** `telemetry.banner`: false shows neither banner. */
  bannerEnabled: boolean;
  /** The opt-in banner, calling back with the choice. */
  renderOptInBanner: (onChangeOptInClick: (enabled: boolean) => void) => MountPoint;
  /** The "opted in by default" notice, calling back once it was read (a link or Dismiss). */
  renderOptedInNotice: (onSeen: () => void) => MountPoint;
}

/**
 * The opt-in banner (undecided) and the "opted in by default" notice (opted in by config, not yet seen).
 * Never shown when `telemetry.banner` is false or the choice is locked; each goes away once acted on.
 */
export class TelemetryNotifications {
  private optInBannerId?: string;
  private noticeId?: string;

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

  /** Puts up whichever applies (the notice first; both never apply at once). */
  public show() {
    if (this.shouldShowOptedInNoticeBanner()) {
      this.noticeId = this.options.banners.add(this.options.renderOptedInNotice(() => void this.setOptedInNoticeSeen()), BANNER_PRIORITY);
    } else if (this.shouldShowOptInBanner()) {
      this.optInBannerId = this.options.banners.add(this.options.renderOptInBanner((enabled) => void this.onSetOptInClick(enabled)), BANNER_PRIORITY);
    }
  }

  /** Enable / Disable on the opt-in banner: removes it and saves the choice (a failure toasts; the banner returns on reload). */
  public async onSetOptInClick(enabled: boolean): Promise<boolean> {
    if (this.optInBannerId !== undefined) this.options.banners.remove(this.optInBannerId);
    this.optInBannerId = undefined;
    return this.options.telemetryService.setOptIn(enabled);
  }

  /** A link or Dismiss on the notice: removes it and records that it was seen. */
  public async setOptedInNoticeSeen(): Promise<boolean> {
    if (this.noticeId !== undefined) this.options.banners.remove(this.noticeId);
    this.noticeId = undefined;
    return this.options.telemetryService.setUserHasSeenNotice();
  }
}
