import { schema } from '@osd/config-schema';
import type { UiSettingsParams } from '../ui_settings/types';

/** Upstream's default toast lifetimes (ms), by kind. */
export const TOAST_LIFETIMES = { error: 300000, warning: 10000, info: 5000 };

const lifetime = (kind: keyof typeof TOAST_LIFETIMES, label: string, article: string): UiSettingsParams<number> => ({
  name: `${label} notification lifetime`,
  value: TOAST_LIFETIMES[kind],
  type: 'number',
  category: ['notifications'],
  description: `How long ${article} ${label.toLowerCase()} notification stays on screen, in milliseconds.`,
  // Upstream also accepts the text "Infinity" (kept until closed); the browser honours it.
  schema: schema.oneOf([schema.number({ min: 0 }), schema.literal('Infinity')]) as any,
});

/** A `defaultRoute` value the page can go to: a path inside this server (`/…`, not `//host`). */
export function isPageRoute(value: unknown): value is string {
  return typeof value === 'string' && /^\/(?!\/)/.test(value);
}

/**
 * The settings the page itself honours, under upstream's keys: where `/` leads, and how long toasts stay
 * (banners stay until removed here, so upstream's `notifications:lifetime:banner` is left out).
 * Registered by the rendering service, so Advanced Settings has something real to change out of the box.
 */
export function pageUiSettings(defaultRoute: string): Record<string, UiSettingsParams> {
  return {
    defaultRoute: {
      name: 'Default route',
      value: defaultRoute,
      type: 'string',
      category: ['general'],
      description: 'The page OpenSearch Dashboards opens at "/". It must be a path inside OpenSearch Dashboards, such as /app/home.',
      schema: schema.string({
        validate: (value: string) => (isPageRoute(value) ? undefined : 'must be a relative URL that starts with "/", such as /app/home'),
      }),
    },
    'notifications:lifetime:error': lifetime('error', 'Error', 'an'),
    'notifications:lifetime:warning': lifetime('warning', 'Warning', 'a'),
    'notifications:lifetime:info': lifetime('info', 'Info', 'an'),
  };
}
