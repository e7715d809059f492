import { renderNotFoundPage, wantsNotFoundPage } from './not_found_page';

describe('the "Page not found" page', () => {
  it('is for page addresses; APIs, internal and static paths keep their JSON', () => {
    expect(['/nope', '/app2', '/apis', '/a/b'].map(wantsNotFoundPage)).toEqual([true, true, true, true]);
    expect(['/api', '/api/x', '/internal/y', '/ui/bundles/x', '/bundles/z'].map(wantsNotFoundPage)).toEqual([false, false, false, false, false]);
  });

  it('links home under the base path, escaped', () => {
    const html = renderNotFoundPage({ homeHref: '/osd/"x"', faviconUrl: '/osd/ui/favicon.svg' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('href="/osd/&quot;x&quot;"');
    expect(html.match(/<main/g)).toHaveLength(1);
  });
});
