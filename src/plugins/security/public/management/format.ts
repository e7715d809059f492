/* How the API keys table shows times. */
import type { ApiKeyInfo } from './security_api';

/** `2025-03-01 14:05` in the browser's time zone: sortable at a glance, unlike most locale formats. */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function describeExpiration(key: Pick<ApiKeyInfo, 'expiration' | 'expired'>): string {
  if (key.expiration === null) return 'Never';
  return key.expired ? `Expired ${formatTime(key.expiration)}` : formatTime(key.expiration);
}

