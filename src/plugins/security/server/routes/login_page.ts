import type { CoreSetup } from '../../../../core/server';

/** The login page's path (under `server.basePath`); the auth handler's page redirects lead here. */
export const LOGIN_PAGE_PATH = '/login';

type HttpResources = CoreSetup['http']['resources'];

/**
 * `GET /login`: the host page without a session (authRequired: false), so the browser's login app can run.
 * No stored UI settings are read for it (`renderAnonymousCoreApp`). The query (`next`) is read and checked
 * in the browser only, so a malformed one still gets the page rather than a 400.
 */
export function registerLoginPageRoute({ resources }: { resources: HttpResources }) {
  resources.register({ path: LOGIN_PAGE_PATH, validate: false, options: { authRequired: false } }, async (_context, _request, response) =>
    response.renderAnonymousCoreApp()
  );
}
