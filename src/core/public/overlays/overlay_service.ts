import { BannersService, OverlayBannersStart } from './banners_service';
import { FlyoutService, OverlayFlyoutOpenOptions, OverlayRef } from './flyout_service';
import { ModalService, OverlayModalConfirmOptions } from './modal_service';
import { MountPoint } from '../utils/mount';

export interface OverlayStart {
  banners: OverlayBannersStart;
  /** Opens a flyout on the right; one at a time. */
  openFlyout(mount: MountPoint, options?: OverlayFlyoutOpenOptions): OverlayRef;
  /** Asks a yes/no question in a modal; resolves true when confirmed. One at a time. */
  openConfirm(message: string | MountPoint, options?: OverlayModalConfirmOptions): Promise<boolean>;
}

/** Banners, flyouts and confirm modals; the page renders them through `BannersList`, `FlyoutHost` and `ConfirmHost`. */
export class OverlayService {
  private readonly bannersService = new BannersService();
  public readonly flyouts = new FlyoutService();
  public readonly modals = new ModalService();
  private banners?: OverlayBannersStart;

  public start(): OverlayStart {
    this.banners = this.bannersService.start();
    return { banners: this.banners, openFlyout: this.flyouts.openFlyout, openConfirm: this.modals.openConfirm };
  }

  public getBanners() {
    if (!this.banners) throw new Error('OverlayService.getBanners() called before start()');
    return this.banners;
  }
}
