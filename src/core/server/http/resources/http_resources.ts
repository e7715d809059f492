import { CspConfig, type ICspConfig } from '../../csp/csp_config';
import type { IRouter } from '../router/types';
import type { ResponseHeaders } from '../router/response';
import type { CorePageRenderer, HttpResources, HttpResourcesResponseFactory } from './types';

/** Headers every page and page resource carries, whoever produced its body: the policy of `csp.rules`. */
export function pageSecurityHeaders(csp: Pick<ICspConfig, 'header'>): Readonly<ResponseHeaders> {
  return { 'content-security-policy': csp.header, 'x-content-type-options': 'nosniff' };
}

/** The host page: HTML, never cached (it carries the caller's capabilities and settings), plus the above. */
export function corePageHeaders(csp: Pick<ICspConfig, 'header'>): Readonly<ResponseHeaders> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-cache, no-store, must-revalidate',
    ...pageSecurityHeaders(csp),
  };
}

/** The caller's headers first, ours on top; names compared case-insensitively so ours cannot be doubled. */
function mergeHeaders(given: ResponseHeaders | undefined, ours: Readonly<ResponseHeaders>): ResponseHeaders {
  const merged: ResponseHeaders = {};
  for (const [name, value] of Object.entries(given ?? {})) merged[name.toLowerCase()] = value;
  return Object.assign(merged, ours);
}

/**
 * `core.http.resources` over one router: each registered GET route's handler gets the response factory
 * plus `renderCoreApp`, `renderAnonymousCoreApp`, `renderHtml` and `renderJs`, each with the policy of `csp`. The
 * page renderer is looked up per request because the rendering service provides it after the HTTP service is set up.
 */
export function createHttpResources(
  router: IRouter,
  getRenderer: () => CorePageRenderer | undefined,
  csp: Pick<ICspConfig, 'header'> = CspConfig.DEFAULT
): HttpResources {
  const pageHeaders = corePageHeaders(csp);
  const securityHeaders = pageSecurityHeaders(csp);
  return {
    register: (route, handler) => {
      router.get(route, (context, request, response) => {
        const render = async (includeUserSettings: boolean, headers?: ResponseHeaders) => {
          const renderer = getRenderer();
          if (!renderer) throw new Error('The host page cannot be rendered: no page renderer was set (the rendering service is not set up).');
          const body = await renderer(context, request, { includeUserSettings });
          return response.ok({ body, headers: mergeHeaders(headers, pageHeaders) });
        };
        const factory: HttpResourcesResponseFactory = {
          ...response,
          renderCoreApp: (options = {}) => render(true, options.headers),
          renderAnonymousCoreApp: (options = {}) => render(false, options.headers),
          renderHtml: ({ body, headers }) =>
            response.ok({ body, headers: mergeHeaders(headers, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders }) }),
          renderJs: ({ body, headers }) =>
            response.ok({ body, headers: mergeHeaders(headers, { 'content-type': 'text/javascript; charset=utf-8', ...securityHeaders }) }),
        };
        return handler(context, request, factory);
      });
    },
  };
}
