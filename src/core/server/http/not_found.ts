/*
 * Which requests nothing serves get the HTML "Page not found" page instead of the JSON 404: one rule, here.
 * A person who mistyped a page address in a browser gets a page with a way back; scripts keep the JSON they
 * parse. `/app/<unknown>` never gets here: the app shell serves it and says "Application Not Found" itself.
 */

/** The HTML of the not-found page (the rendering service draws it; http must not import rendering). */
export type NotFoundPageRenderer = () => string;

export interface NotFoundRequest {
  method: string;
  /** The path without the base path and without the query. */
  pathname: string;
  /** The `Accept` header, if any. */
  accept?: string | string[];
}

/** Paths of APIs and static resources: answered with JSON, never with a page. */
const NON_PAGE_PREFIXES = ['/api', '/internal', '/ui', '/bundles'];

/** Whether the request is a browser's GET of a page address, so it gets the HTML page. */
export function wantsNotFoundPage({ method, pathname, accept }: NotFoundRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (NON_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return false;
  return !prefersJson(Array.isArray(accept) ? accept.join(',') : accept);
}

interface Preference {
  q: number;
  /** 2 for the exact type, 1 for `type/*`, 0 for `*\/*`, -1 when not matched at all. */
  specificity: number;
}

/** How much `accept` wants `type`: the quality of the most specific range that matches it. */
function preferenceFor(ranges: Array<{ range: string; q: number }>, type: string): Preference {
  const [major] = type.split('/');
  let best: Preference = { q: 0, specificity: -1 };
  for (const { range, q } of ranges) {
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity > best.specificity) best = { q, specificity };
  }
  return best;
}

/**
 * Whether a client asks for JSON rather than HTML: a higher quality, or the same quality named explicitly
 * (`application/json, text/plain, *\/*` as HTTP libraries send). No header or `*\/*` alone: HTML.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  // Bounded: a client cannot make this walk an arbitrarily long header.
  const ranges = accept
    .slice(0, 1024)
    .split(',')
    .slice(0, 32)
    .map((part) => {
      const [range, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const qParam = params.find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { range, q: Number.isFinite(q) ? q : 0 };
    });
  const json = preferenceFor(ranges, 'application/json');
  const html = preferenceFor(ranges, 'text/html');
  if (json.q <= 0) return false;
  if (html.q <= 0) return true;
  return json.q > html.q || (json.q === html.q && json.specificity > html.specificity);
}
