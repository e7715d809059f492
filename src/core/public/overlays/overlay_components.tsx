import React from 'react';
import { Observable } from 'rxjs';
import { EuiFlyout } from '@opensearch-project/oui';
import { MountWrapper } from '../utils/mount';
import { useObservable } from '../utils/use_observable';
import { OverlayBanner } from './banners_service';
import { ActiveFlyout } from './flyout_service';

/** The banners, stacked above the header. */
export const BannersList: React.FunctionComponent<{ banners$: Observable<OverlayBanner[]> }> = ({ banners$ }) => {
  const banners = useObservable<OverlayBanner[]>(banners$, []);
  if (!banners.length) return null;
  return (
    <div className="osdGlobalBannerList" data-test-subj="globalBannerList">
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
