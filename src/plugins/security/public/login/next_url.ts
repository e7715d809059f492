/** Where the login app lives (under the base path); the server's page redirects lead here. */
export const LOGIN_APP_ROUTE = '/login';
/** `?msg=LOGGED_OUT`: the user menu's logout adds it, so the form can say the session ended. */
export const LOGGED_OUT_MESSAGE = 'LOGGED_OUT';
/** Where a login goes when `next` is missing or refused. */
export const DEFAULT_NEXT_PATH = '/app/home';

export interface NextUrlContext {
  /** The page's base path, '' when none. */
  basePath: string;
  /** `window.location.origin`. */
  origin: string;
}

/*
 * Backslashes (browsers read `/\host` as `//host`) and control characters (the URL parser drops tabs and
 * newlines, so `/\t/host` becomes `//host`) are refused outright, before parsing.
 */
const SUSPICIOUS = /[\\\u0000-\u001f\u007f]/;

/**
 * The open-redirect guard of the login page: `next` is followed only when it is a path on this origin
 * under the base path (and not the login page itself); anything else (absolute URLs, `//host`, another
 * application's path, `..` leaving the base path) gives `<basePath>/app/home`. Returns the normalised
 * path, query and hash.
 */
export function safeNextUrl(next: string | null | undefined, { basePath, origin }: NextUrlContext): string {
  const fallback = `${basePath}${DEFAULT_NEXT_PATH}`;
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || SUSPICIOUS.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const { pathname } = url;
  if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return fallback;
  const inApp = pathname.slice(basePath.length) || '/';
  // Back to the login page would only show the form again.
  if (inApp === LOGIN_APP_ROUTE || inApp.startsWith(`${LOGIN_APP_ROUTE}/`)) return fallback;
  return `${pathname}${url.search}${url.hash}`;
}
