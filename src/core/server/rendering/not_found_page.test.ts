import { renderNotFoundPage } from './not_found_page';

describe('the "Page not found" page', () => {
  it('links home under the base path, escaped', () => {
    const html = renderNotFoundPage({ homeHref: '/osd/"x"', faviconUrl: '/osd/ui/favicon.svg' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('href="/osd/&quot;x&quot;"');
    expect(html.match(/<main/g)).toHaveLength(1);
  });
});
