import React from 'react';
import { toMountPoint } from '../../../core/public';
import { OptedInNoticeBanner, OptInBanner, type OptedInNoticeBannerProps, type OptInBannerProps } from './components';

/** The opt-in banner as a mount point for `overlays.banners.add`. */
export const renderOptInBanner = (props: OptInBannerProps) => toMountPoint(<OptInBanner {...props} />);

/** The "opted in by default" notice as a mount point for `overlays.banners.add`. */
export const renderOptedInNotice = (props: OptedInNoticeBannerProps) => toMountPoint(<OptedInNoticeBanner {...props} />);
