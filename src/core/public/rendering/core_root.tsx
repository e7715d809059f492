import React from 'react';
import { Observable } from 'rxjs';
import { AppRouter } from '../application/app_router';
import { ApplicationService } from '../application/application_service';
import { ApplicationStart } from '../application/types';
import { Header } from '../chrome/header';
import { ChromeStart } from '../chrome/types';
import { GlobalToastList, Toast } from '../notifications';
import { BannersList, FlyoutHost, OverlayBanner } from '../overlays';
import { ActiveFlyout } from '../overlays/flyout_service';

export interface CoreRootProps {
  application: ApplicationService;
  applicationStart: ApplicationStart;
  chrome: ChromeStart;
  loadingCount$: Observable<number>;
  banners$: Observable<OverlayBanner[]>;
  flyout$: Observable<ActiveFlyout | null>;
  toasts$: Observable<Toast[]>;
  dismissToast: (toast: Toast) => void;
}

/** The page: banners, header, the current app, then the layers above it (toasts, flyout). */
export const CoreRoot: React.FunctionComponent<CoreRootProps> = (props) => (
  <div className="osdCoreRoot">
    <BannersList banners$={props.banners$} />
    <Header
      application={props.applicationStart}
      chrome={props.chrome}
      loadingCount$={props.loadingCount$}
      actionMenu$={props.application.actionMenu$}
      homeHref={props.applicationStart.getUrlForApp('home')}
    />
    <main className="osdAppContainer" data-test-subj="appContainer">
      <AppRouter application={props.application} />
    </main>
    <GlobalToastList toasts$={props.toasts$} dismissToast={props.dismissToast} />
    <FlyoutHost active$={props.flyout$} />
  </div>
);
