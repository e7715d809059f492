/** Pure URL rules of the application service. Paths here have the base path removed already. */

export interface ParsedAppUrl {
  appId: string;
  /** What follows `/app/<id>`, e.g. `/opensearch-dashboards/settings`; '' when nothing. */
  path: string;
}

/** Finds the app a path belongs to: the longest matching `appRoute`. */
export function parseAppPath(pathname: string, appRoutes: ReadonlyMap<string, string>): ParsedAppUrl | undefined {
  let best: ParsedAppUrl | undefined;
  let bestLength = -1;
  for (const [appId, route] of appRoutes) {
    if ((pathname === route || pathname.startsWith(`${route}/`)) && route.length > bestLength) {
      best = { appId, path: pathname.slice(route.length) };
      bestLength = route.length;
    }
  }
  if (best) return best;
  const match = /^\/app\/([^/?#]+)(\/.*)?$/.exec(pathname);
  return match ? { appId: decodeURIComponent(match[1]), path: match[2] ?? '' } : undefined;
}

/** Joins an app route and a path inside it (`/x`, `x`, `#/x`, `?q`). */
export function joinAppPath(appRoute: string, path = '') {
  if (!path) return appRoute;
  if (path.startsWith('#') || path.startsWith('?')) return `${appRoute}${path}`;
  return `${appRoute}${path.startsWith('/') ? '' : '/'}${path}`;
}
