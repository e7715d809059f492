/** What the login form says for each answer of `POST /api/security/login`. Pure, so each case is tested. */

export const INVALID_CREDENTIALS_TEXT = 'Invalid username or password';
export const MISSING_FIELDS_TEXT = 'Enter your username and password.';
export const LOGGED_OUT_TEXT = 'You have logged out.';

/** The part of a failed request the messages need (an `HttpFetchError` has both). */
export interface FailedLogin {
  status?: number;
  message?: string;
  response?: { headers: { get(name: string): string | null } };
}

/** `Retry-After` in seconds (the server sends whole seconds); undefined when absent or not a number. */
export function retryAfterSeconds(header: string | null | undefined): number | undefined {
  if (!header || !/^\s*\d+\s*$/.test(header)) return undefined;
  const seconds = Number(header);
  return seconds > 0 ? seconds : undefined;
}

export function loginErrorMessage(error: FailedLogin): string {
  // A 400 is a username the server's rules refuse: the same answer as a wrong one, never the rule itself.
  if (error.status === 401 || error.status === 400) return INVALID_CREDENTIALS_TEXT;
  if (error.status === 429) {
    const seconds = retryAfterSeconds(error.response?.headers.get('retry-after'));
    if (seconds === undefined) return 'Too many failed attempts. Try again later.';
    return `Too many failed attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  }
  const detail = error.message ? `: ${error.message}` : '';
  return error.status === undefined
    ? `Could not reach OpenSearch Dashboards${detail}`
    : `Could not log in (status ${error.status})${detail}`;
}
