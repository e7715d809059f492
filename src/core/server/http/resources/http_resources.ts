import type { IRouter } from '../router/types';
import type { ResponseHeaders } from '../router/response';
import type { CorePageRenderer, HttpResources, HttpResourcesResponseFactory } from './types';

/** Headers every page and page resource carries, whoever produced its body. */
export const PAGE_SECURITY_HEADERS: Readonly<ResponseHeaders> = {
  'content-security-policy': "script-src 'unsafe-eval' 'self'; worker-src blob: 'self'; style-src 'unsafe-inline' 'self'",
  'x-content-type-options': 'nosniff',
};

/** The host page: HTML, never cached (it carries the caller's capabilities and settings), plus the above. */
export const CORE_PAGE_HEADERS: Readonly<ResponseHeaders> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'private, no-cache, no-store, must-revalidate',
  ...PAGE_SECURITY_HEADERS,
};

/** The caller's headers first, ours on top; names compared case-insensitively so ours cannot be doubled. */
function mergeHeaders(given: ResponseHeaders | undefined, ours: Readonly<ResponseHeaders>): ResponseHeaders {
  const merged: ResponseHeaders = {};
  for (const [name, value] of Object.entries(given ?? {})) merged[name.toLowerCase()] = value;
  return Object.assign(merged, ours);
}

/**
 * `core.http.resources` over one router: each registered GET route's handler gets the response factory
 * plus `renderCoreApp`, `renderAnonymousCoreApp`, `renderHtml` and `renderJs`. The page renderer is looked up
 * per request because the rendering service provides it after the HTTP service is set up.
 */
export function createHttpResources(router: IRouter, getRenderer: () => CorePageRenderer | undefined): HttpResources {
  return {
    register: (route, handler) => {
      router.get(route, (context, request, response) => {
        const render = async (includeUserSettings: boolean, headers?: ResponseHeaders) => {
          const renderer = getRenderer();
          if (!renderer) throw new Error('The host page cannot be rendered: no page renderer was set (the rendering service is not set up).');
          const body = await renderer(context, request, { includeUserSettings });
          return response.ok({ body, headers: mergeHeaders(headers, CORE_PAGE_HEADERS) });
        };
        const factory: HttpResourcesResponseFactory = {
          ...response,
          renderCoreApp: (options = {}) => render(true, options.headers),
          renderAnonymousCoreApp: (options = {}) => render(false, options.headers),
          renderHtml: ({ body, headers }) =>
            response.ok({ body, headers: mergeHeaders(headers, { 'content-type': 'text/html; charset=utf-8', ...PAGE_SECURITY_HEADERS }) }),
          renderJs: ({ body, headers }) =>
            response.ok({ body, headers: mergeHeaders(headers, { 'content-type': 'text/javascript; charset=utf-8', ...PAGE_SECURITY_HEADERS }) }),
        };
        return handler(context, request, factory);
      });
    },
  };
}
