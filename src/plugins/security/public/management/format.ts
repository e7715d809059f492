/* How the API keys table shows times. */
import { formatPageDate } from '../../../../core/public';
import type { ApiKeyInfo } from './security_api';

/** A time as the `dateFormat` and `dateFormat:tz` settings say (core's page-wide date format). */
export function formatTime(epochMs: number): string {
  return formatPageDate(epochMs);
}

export function describeExpiration(key: Pick<ApiKeyInfo, 'expiration' | 'expired'>): string {
  if (key.expiration === null) return 'Never';
  return key.expired ? `Expired ${formatTime(key.expiration)}` : formatTime(key.expiration);
}

