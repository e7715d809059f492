import React from 'react';
import { Observable } from 'rxjs';
import { EuiConfirmModal, EuiFlyout } from '@opensearch-project/oui';
import { MountWrapper, renderTextOrMount } from '../utils/mount';
import { useObservable } from '../utils/use_observable';
import { OverlayBanner } from './banners_service';
import { ActiveFlyout } from './flyout_service';
import { ActiveConfirm } from './modal_service';

/** The banners, stacked below the header, in a labelled region so screen readers can find them. */
export const BannersList: React.FunctionComponent<{ banners$: Observable<OverlayBanner[]> }> = ({ banners$ }) => {
  const banners = useObservable<OverlayBanner[]>(banners$, []);
  if (!banners.length) return null;
  return (
    <div className="osdGlobalBannerList" role="region" aria-label="Announcements" data-test-subj="globalBannerList">
      {banners.map((banner) => (
        <MountWrapper key={banner.id} mount={banner.mount} className="osdGlobalBannerList__item" data-test-subj="global-banner-item" />
      ))}
    </div>
  );
};

/** The open flyout, if any. */
export const FlyoutHost: React.FunctionComponent<{ active$: Observable<ActiveFlyout | null> }> = ({ active$ }) => {
  const active = useObservable<ActiveFlyout | null>(active$, null);
  if (!active) return null;
  const { options, ref, mount } = active;
  return (
    <EuiFlyout
      onClose={() => void ref.close()}
      className={options.className}
      closeButtonAriaLabel={options.closeButtonAriaLabel}
      ownFocus={options.ownFocus}
      size={options.size}
      maxWidth={options.maxWidth}
      data-test-subj={options['data-test-subj']}
    >
      <MountWrapper mount={mount} className="osdOverlayMountWrapper" />
    </EuiFlyout>
  );
};

/** The open confirm modal, if any; Escape and the cancel button answer "no". */
export const ConfirmHost: React.FunctionComponent<{ active$: Observable<ActiveConfirm | null> }> = ({ active$ }) => {
  const active = useObservable<ActiveConfirm | null>(active$, null);
  if (!active) return null;
  const { message, options, answer } = active;
  return (
    <EuiConfirmModal
      title={options.title}
      onCancel={() => answer(false)}
      onConfirm={() => answer(true)}
      cancelButtonText={options.cancelButtonText ?? 'Cancel'}
      confirmButtonText={options.confirmButtonText ?? 'Confirm'}
      buttonColor={options.buttonColor ?? 'danger'}
      defaultFocusedButton="cancel"
      data-test-subj={options['data-test-subj'] ?? 'confirmModal'}
    >
      {typeof message === 'string' ? <p>{message}</p> : renderTextOrMount(message)}
    </EuiConfirmModal>
  );
};
