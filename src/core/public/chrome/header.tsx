import React, { useMemo } from 'react';
import { Observable } from 'rxjs';
import {
  EuiHeader,
  EuiHeaderBreadcrumbs,
  EuiHeaderLink,
  EuiHeaderLinks,
  EuiHeaderLogo,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiLoadingSpinner,
} from '@opensearch-project/oui';
import { ApplicationStart, PublicAppInfo } from '../application/types';
import { MountPoint, MountWrapper } from '../utils/mount';
import { useObservable } from '../utils/use_observable';
import type { ChromeNavControl } from './nav_controls';
import { ChromeBreadcrumb, ChromeStart } from './types';

export interface HeaderProps {
  application: ApplicationStart;
  chrome: ChromeStart;
  loadingCount$: Observable<number>;
  actionMenu$: Observable<MountPoint | undefined>;
  homeHref: string;
}

/**
 * The two header bars: product logo on top; breadcrumbs, app links and the app's menu below. The logo and
 * the app links are plain links with no click handler: core's link interceptor (on `document.body`) turns a
 * plain click into one in-page `push`. React 16 runs `onClick` later, at `document`, so a handler that
 * navigated too would add a second history entry.
 */
export const Header: React.FunctionComponent<HeaderProps> = ({ application, chrome, loadingCount$, actionMenu$, homeHref }) => {
  const streams = useMemo(
    () => ({
      visible$: chrome.getIsVisible$(),
      breadcrumbs$: chrome.getBreadcrumbs$(),
      navLinks$: chrome.navLinks.getNavLinks$(),
      navControlsRight$: chrome.navControls.getRight$(),
    }),
    [chrome]
  );
  const visible = useObservable(streams.visible$, true);
  const breadcrumbs = useObservable<ChromeBreadcrumb[]>(streams.breadcrumbs$, []);
  const navLinks = useObservable<PublicAppInfo[]>(streams.navLinks$, []);
  const navControlsRight = useObservable<ChromeNavControl[]>(streams.navControlsRight$, []);
  const currentAppId = useObservable<string | undefined>(application.currentAppId$, undefined);
  const loading = useObservable(loadingCount$, 0) > 0;
  const actionMenu = useObservable<MountPoint | undefined>(actionMenu$, undefined);
  if (!visible) return null;

  return (
    <div className="osdHeader" data-test-subj="headerGlobalNav">
      <EuiHeader theme="dark" sections={undefined}>
        <EuiHeaderSection grow={false}>
          <EuiHeaderSectionItem border="none">
            {/* The accessible name contains the visible text (WCAG 2.5.3), so voice users can say what they see. */}
            <EuiHeaderLogo iconType="logoOpenSearch" href={homeHref} data-test-subj="logo" aria-label="OpenSearch Dashboards home">
              OpenSearch Dashboards
            </EuiHeaderLogo>
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
        <EuiHeaderSection side="right">
          <EuiHeaderSectionItem border="none">
            <span className="osdHeader__loading" data-test-subj={loading ? 'globalLoadingIndicator' : 'globalLoadingIndicator-hidden'}>
              {loading ? <EuiLoadingSpinner size="m" /> : null}
            </span>
          </EuiHeaderSectionItem>
          {navControlsRight.map((control, index) => (
            // Keyed by place: a control moved by a later registration is remounted (MountWrapper follows `mount`).
            <EuiHeaderSectionItem border="none" key={index}>
              <MountWrapper mount={control.mount} className="osdHeader__navControl" data-test-subj="headerNavControlRight" />
            </EuiHeaderSectionItem>
          ))}
        </EuiHeaderSection>
      </EuiHeader>
      <EuiHeader>
        <EuiHeaderSection grow>
          <EuiHeaderBreadcrumbs
            data-test-subj="breadcrumbs"
            breadcrumbs={breadcrumbs.map((crumb, index) => ({
              text: crumb.text,
              href: crumb.href,
              onClick: crumb.onClick,
              'data-test-subj': crumb['data-test-subj'] ?? `breadcrumb${index === breadcrumbs.length - 1 ? ' last' : ''}`,
            }))}
          />
        </EuiHeaderSection>
        <EuiHeaderSection side="right">
          <EuiHeaderLinks aria-label="Applications" data-test-subj="appLinks">
            {navLinks.map((link) => (
              <EuiHeaderLink
                key={link.id}
                href={application.getUrlForApp(link.id)}
                isActive={link.id === currentAppId}
                iconType={link.euiIconType}
                data-test-subj={`appLink-${link.id}`}
              >
                {link.title}
              </EuiHeaderLink>
            ))}
          </EuiHeaderLinks>
          {actionMenu && <MountWrapper mount={actionMenu} className="osdHeader__actionMenu" data-test-subj="headerAppActionMenu" />}
        </EuiHeaderSection>
      </EuiHeader>
    </div>
  );
};
