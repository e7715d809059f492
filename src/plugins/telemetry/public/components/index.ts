export { OptInBanner } from './opt_in_banner';
export type { OptInBannerProps } from './opt_in_banner';
export { OptedInNoticeBanner } from './opted_in_notice_banner';
export type { OptedInNoticeBannerProps } from './opted_in_notice_banner';
