/*
 * The page a person gets for a page address nothing serves (status 404): small, self-contained, with a way
 * back. Who gets it (a browser's GET outside the API and static paths) is the HTTP server's rule
 * (`wantsNotFoundPage` in core's http); `/app/<unknown>` is the app shell's own "Application Not Found".
 */
import { escapeHtml } from './render_template';

export interface NotFoundPageParams {
  /** Where "Go to the home page" leads: `<basePath>/`. */
  homeHref: string;
  faviconUrl: string;
}

/** A self-contained page (no bundle): one `main` landmark, a heading, and a link home. */
export function renderNotFoundPage({ homeHref, faviconUrl }: NotFoundPageParams): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>Page not found - OpenSearch Dashboards</title>
    <link rel="icon" type="image/svg+xml" href="${escapeHtml(faviconUrl)}" />
    <style>
      body { margin: 0; background: #fafbfd; color: #343741;
        font-family: 'Inter UI', -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif; }
      main { max-width: 560px; margin: 15vh auto 0; padding: 32px; background: #fff; border: 1px solid #d3dae6; border-radius: 6px; }
      h1 { font-size: 24px; margin: 0 0 16px; }
      p { line-height: 1.5; margin: 0 0 16px; }
      a { color: #006bb8; font-weight: 500; }
    </style>
  </head>
  <body>
    <main data-test-subj="notFoundPage">
      <h1>Page not found</h1>
      <p>OpenSearch Dashboards has no page at this address. Check the address for a typo, or start again from the home page.</p>
      <p><a href="${escapeHtml(homeHref)}" data-test-subj="notFoundHomeLink">Go to the home page</a></p>
    </main>
  </body>
</html>
`;
}
