import { OpenSearchDashboardsResponse } from '../http/router/response';
import type { IRouter, RequestHandler, RouteRegistrar } from '../http/router/types';
import type { ICspConfig } from './csp_config';

const CSP_HEADER = 'content-security-policy';
const isHtml = (value: string | string[] | undefined) => /^text\/html\b/i.test(String(value ?? ''));

/** The answer with the policy of `csp` when it is an HTML page; any other answer unchanged. */
export function applyPageCsp(response: OpenSearchDashboardsResponse, csp: Pick<ICspConfig, 'header'>): OpenSearchDashboardsResponse {
  // A handler bug (no answer) is left for the server to report as it would without this wrapper.
  if (!(response instanceof OpenSearchDashboardsResponse)) return response;
  const headers = Object.entries(response.headers ?? {});
  if (!headers.some(([name, value]) => name.toLowerCase() === 'content-type' && isHtml(value))) return response;
  const kept = headers.filter(([name]) => name.toLowerCase() !== CSP_HEADER);
  return new OpenSearchDashboardsResponse(response.status, response.payload, { ...Object.fromEntries(kept), [CSP_HEADER]: csp.header });
}

/**
 * A router whose HTML answers carry the configured policy. Core's own page routes (the rendering service's
 * `/` and `/app/*`) are registered through it, so they follow `csp.rules` without knowing the config.
 */
export function withPageCsp(router: IRouter, csp: Pick<ICspConfig, 'header'>): IRouter {
  const wrap =
    (register: RouteRegistrar): RouteRegistrar =>
    (route, handler) =>
      register(route, async (context, request, response) => applyPageCsp(await handler(context, request, response), csp));
  return {
    routerPath: router.routerPath,
    get: wrap(router.get),
    post: wrap(router.post),
    put: wrap(router.put),
    delete: wrap(router.delete),
    patch: wrap(router.patch),
    handleLegacyErrors: <P, Q, B>(handler: RequestHandler<P, Q, B>) => router.handleLegacyErrors(handler),
  };
}
