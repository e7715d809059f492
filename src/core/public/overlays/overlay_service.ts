import { BannersService, OverlayBannersStart } from './banners_service';
import { FlyoutService, OverlayFlyoutOpenOptions, OverlayRef } from './flyout_service';
import { MountPoint } from '../utils/mount';

export interface OverlayStart {
  banners: OverlayBannersStart;
  /** Opens a flyout on the right; one at a time. */
  openFlyout(mount: MountPoint, options?: OverlayFlyoutOpenOptions): OverlayRef;
}

/** Banners and flyouts; the page renders them through `BannersList` and `FlyoutHost`. */
export class OverlayService {
  private readonly bannersService = new BannersService();
  public readonly flyouts = new FlyoutService();
  private banners?: OverlayBannersStart;

  public start(): OverlayStart {
    this.banners = this.bannersService.start();
    return { banners: this.banners, openFlyout: this.flyouts.openFlyout };
  }

  public getBanners() {
    if (!this.banners) throw new Error('OverlayService.getBanners() called before start()');
    return this.banners;
  }
}
