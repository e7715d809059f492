/*
 * The session cookie's Set-Cookie values. HttpOnly (scripts never see the id), SameSite=Lax (not sent
 * on cross-site subrequests or posts, which with the osd-xsrf header check covers CSRF), Path = the
 * server's base path (or /), and Secure whenever the server speaks TLS. Without `maxAgeSeconds` it is
 * a browser-session cookie; the server-side timeouts decide how long it is honoured either way.
 */
import { SESSION_COOKIE_NAME } from '../common/constants';
import { SECRET_PATTERN } from './tokens';

export interface SessionCookieOptions {
  /** `server.basePath`, e.g. `/osd`; empty or undefined means `/`. */
  basePath?: string;
  /** True when the server is served over TLS. */
  secure: boolean;
  /** Lifetime in the browser; omitted for a browser-session cookie. */
  maxAgeSeconds?: number;
  /** The cookie's name; `osd_sid` by default. */
  cookieName?: string;
}

/* A path of plain URL characters only: anything that could end the attribute (`;`, spaces, controls)
 * or smuggle another one is refused rather than escaped. */
const PATH_PATTERN = /^\/[A-Za-z0-9._~!$&'()*+,=:@%/-]*$/;
const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

function attributes(options: SessionCookieOptions): string[] {
  const path = options.basePath ? options.basePath : '/';
  if (!PATH_PATTERN.test(path)) throw new Error(`invalid cookie path [${path}]`);
  return ['HttpOnly', 'SameSite=Lax', `Path=${path}`, ...(options.secure ? ['Secure'] : [])];
}

function cookieName(options: SessionCookieOptions): string {
  const name = options.cookieName ?? SESSION_COOKIE_NAME;
  if (!NAME_PATTERN.test(name)) throw new Error(`invalid cookie name [${name}]`);
  return name;
}

/** `osd_sid=<sid>; HttpOnly; SameSite=Lax; Path=/[; Secure][; Max-Age=n]` */
export function serializeSessionCookie(sid: string, options: SessionCookieOptions): string {
  if (!SECRET_PATTERN.test(sid)) throw new Error('refusing to set a malformed session id');
  const { maxAgeSeconds } = options;
  if (maxAgeSeconds !== undefined && !(Number.isInteger(maxAgeSeconds) && maxAgeSeconds > 0)) {
    throw new Error('maxAgeSeconds must be a positive whole number');
  }
  const parts = [`${cookieName(options)}=${sid}`, ...attributes(options)];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join('; ');
}

/** The logout cookie: same name, path and flags, empty and already expired, so the browser drops it. */
export function serializeClearedSessionCookie(options: SessionCookieOptions): string {
  return [
    `${cookieName(options)}=`,
    ...attributes(options),
    'Max-Age=0',
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
  ].join('; ');
}
