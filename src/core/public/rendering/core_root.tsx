import React from 'react';
import { Observable } from 'rxjs';
import { AppRouter } from '../application/app_router';
import { ApplicationService } from '../application/application_service';
import { ApplicationStart } from '../application/types';
import { Header } from '../chrome/header';
import { ChromeStart } from '../chrome/types';
import { GlobalToastList, Toast } from '../notifications';
import { BannersList, ConfirmHost, FlyoutHost, OverlayBanner } from '../overlays';
import { ActiveFlyout } from '../overlays/flyout_service';
import { ActiveConfirm } from '../overlays/modal_service';

export interface CoreRootProps {
  application: ApplicationService;
  applicationStart: ApplicationStart;
  chrome: ChromeStart;
  loadingCount$: Observable<number>;
  banners$: Observable<OverlayBanner[]>;
  flyout$: Observable<ActiveFlyout | null>;
  confirm$: Observable<ActiveConfirm | null>;
  toasts$: Observable<Toast[]>;
  dismissToast: (toast: Toast) => void;
}

/**
 * The page: header, banners (below the header, as in OSD), the current app in the page's only `main`
 * landmark, then the layers above it (toasts, flyout, confirm modal).
 */
export const CoreRoot: React.FunctionComponent<CoreRootProps> = (props) => (
  <div className="osdCoreRoot">
    <Header
      application={props.applicationStart}
      chrome={props.chrome}
      loadingCount$={props.loadingCount$}
      actionMenu$={props.application.actionMenu$}
      homeHref={props.applicationStart.getUrlForApp('home')}
    />
    <BannersList banners$={props.banners$} />
    <main className="osdAppContainer" data-test-subj="appContainer">
      <AppRouter application={props.application} />
    </main>
    <GlobalToastList toasts$={props.toasts$} dismissToast={props.dismissToast} />
    <FlyoutHost active$={props.flyout$} />
    <ConfirmHost active$={props.confirm$} />
  </div>
);
