/* How the API keys table shows times. */
import { formatDate, type DateFormatSettings } from '../../../../core/public';
import type { ApiKeyInfo } from './security_api';

/** No settings client: `formatDate` then uses upstream's default format in the browser's zone. */
const UPSTREAM_DEFAULTS: DateFormatSettings = { get: () => undefined as any };

/** A time as the `dateFormat` and `dateFormat:tz` settings say (`core.uiSettings`). */
export function formatTime(epochMs: number, settings: DateFormatSettings = UPSTREAM_DEFAULTS): string {
  return formatDate(settings, epochMs);
}

export function describeExpiration(key: Pick<ApiKeyInfo, 'expiration' | 'expired'>, settings?: DateFormatSettings): string {
  if (key.expiration === null) return 'Never';
  const at = formatTime(key.expiration, settings);
  return key.expired ? `Expired ${at}` : at;
}
