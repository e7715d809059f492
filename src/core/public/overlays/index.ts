export { OverlayService } from './overlay_service';
export type { OverlayStart } from './overlay_service';
export type { OverlayBannersStart, OverlayBanner } from './banners_service';
export type { OverlayRef, OverlayFlyoutOpenOptions } from './flyout_service';
export type { OverlayModalConfirmOptions } from './modal_service';
export { BannersList, ConfirmHost, FlyoutHost } from './overlay_components';
