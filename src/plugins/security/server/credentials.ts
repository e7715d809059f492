/*
 * What a request presents, read from its headers: `Authorization: Basic` (as `curl -u` sends),
 * `Authorization: ApiKey <base64(id:api_key)>`, or the session cookie. Pure: no store is touched here.
 * An Authorization header wins over the cookie (an explicit credential is what the client meant), and
 * a bad one is `invalid`, never silently replaced by the cookie.
 */
import { SESSION_COOKIE_NAME } from '../common/constants';
import { SECRET_PATTERN } from './tokens';
import { validateUsername } from './validation';

export type Credentials =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'apiKey'; id: string; key: string }
  | { type: 'session'; sid: string }
  | { type: 'invalid'; reason: string };

/** The two headers that matter, as Node hands them over (lower-case names). */
export interface CredentialHeaders {
  authorization?: string | string[];
  cookie?: string | string[];
}

/* Far above any real credential; bounds the work on hostile input. */
const MAX_TOKEN_LENGTH = 4096;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const invalid = (reason: string): Credentials => ({ type: 'invalid', reason });

/** Strict base64 (canonical, padding optional) of valid UTF-8; undefined otherwise. */
function decodeBase64Utf8(token: string): string | undefined {
  if (!BASE64_PATTERN.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== token.replace(/=+$/, '')) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Splits `a:b` at the first colon (passwords may contain colons; usernames and key ids may not). */
function splitPair(text: string): [string, string] | undefined {
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : [text.slice(0, colon), text.slice(colon + 1)];
}

function parseBasic(token: string): Credentials {
  const decoded = decodeBase64Utf8(token);
  if (decoded === undefined) return invalid('Basic credentials are not valid base64 of UTF-8 text');
  const pair = splitPair(decoded);
  if (!pair) return invalid('Basic credentials must be username:password');
  const [username, password] = pair;
  if (validateUsername(username) !== undefined) return invalid('Basic credentials carry an invalid username');
  if (password.length === 0) return invalid('Basic credentials carry an empty password');
  return { type: 'basic', username, password };
}

function parseApiKey(token: string): Credentials {
  const decoded = decodeBase64Utf8(token);
  const pair = decoded === undefined ? undefined : splitPair(decoded);
  if (!pair || pair[0].length === 0 || pair[1].length === 0) {
    return invalid('ApiKey credentials must be base64 of id:api_key');
  }
  return { type: 'apiKey', id: pair[0], key: pair[1] };
}

/** One `Authorization` header value. The scheme is case-insensitive (RFC 9110). */
export function parseAuthorization(value: string): Credentials {
  const match = /^([A-Za-z][A-Za-z0-9_-]*)(?: +(\S+))? *$/.exec(value);
  if (!match) return invalid('malformed Authorization header');
  const [, scheme, token] = match;
  const kind = scheme.toLowerCase();
  if (kind !== 'basic' && kind !== 'apikey') {
    return invalid(`unsupported authorization scheme [${scheme.slice(0, 32)}]`);
  }
  if (token === undefined) return invalid(`${scheme} authorization without credentials`);
  if (token.length > MAX_TOKEN_LENGTH) return invalid('Authorization header too long');
  return kind === 'basic' ? parseBasic(token) : parseApiKey(token);
}

/**
 * Every value of cookie `name` in a Cookie header, in order. Built on plain string scanning (no
 * object keyed by cookie names, so no prototype tricks) and without URI decoding (our values are
 * base64url, and a bad %-sequence must not throw). Surrounding double quotes are removed (RFC 6265).
 */
export function readCookieValues(header: string | string[] | undefined, name: string): string[] {
  const text = Array.isArray(header) ? header.join('; ') : header ?? '';
  const values: string[] = [];
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    values.push(value);
  }
  return values;
}

/**
 * The credentials of a request. Of several session cookies the first non-empty one is used: browsers
 * list the most specific path first (RFC 6265 §5.4), and an empty value is a cleared cookie.
 */
export function parseCredentials(headers: CredentialHeaders, cookieName: string = SESSION_COOKIE_NAME): Credentials {
  const { authorization } = headers;
  if (Array.isArray(authorization) && authorization.length > 1) {
    return invalid('more than one Authorization header');
  }
  const auth = Array.isArray(authorization) ? authorization[0] : authorization;
  if (auth !== undefined && auth.trim() !== '') return parseAuthorization(auth.trim());

  const sid = readCookieValues(headers.cookie, cookieName).find((v) => v !== '');
  if (sid === undefined) return { type: 'none' };
  if (!SECRET_PATTERN.test(sid)) return invalid('malformed session cookie');
  return { type: 'session', sid };
}
