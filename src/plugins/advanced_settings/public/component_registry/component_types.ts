export type ComponentId = 'advanced_settings_page_title' | 'advanced_settings_page_subtitle' | 'advanced_settings_page_footer';

/** Where a registered component goes on the Advanced Settings page. */
export const componentType = {
  PAGE_TITLE_COMPONENT: 'advanced_settings_page_title' as ComponentId,
  PAGE_SUBTITLE_COMPONENT: 'advanced_settings_page_subtitle' as ComponentId,
  PAGE_FOOTER_COMPONENT: 'advanced_settings_page_footer' as ComponentId,
};
