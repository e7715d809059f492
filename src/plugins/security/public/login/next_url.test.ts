import { safeNextUrl } from './next_url';

const origin = 'https://osd.example:5601';

describe('safeNextUrl (the open-redirect guard)', () => {
  it('follows a path under the base path, with its query and hash', () => {
    expect(safeNextUrl('/osd/app/management/opensearch-dashboards/settings?query=x#top', { basePath: '/osd', origin })).toBe(
      '/osd/app/management/opensearch-dashboards/settings?query=x#top'
    );
    expect(safeNextUrl('/app/home?a=%2F%2Fb', { basePath: '', origin })).toBe('/app/home?a=%2F%2Fb');
    expect(safeNextUrl('/osd', { basePath: '/osd', origin })).toBe('/osd');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['absolute', 'https://evil.example/app/home'],
    ['absolute on this host', `${origin}/osd/app/home`],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative under the base path', '//evil.example/osd/app/home'],
    ['backslash', '/\\evil.example'],
    ['backslash later', '/osd/\\\\evil.example'],
    ['tab trick', '/\t/evil.example'],
    ['newline', '/osd/app/home\n'],
    ['javascript', 'javascript:alert(1)'],
    ['relative without slash', 'app/home'],
    ['outside the base path', '/other/app/home'],
    ['only a prefix of the base path', '/osdx/app/home'],
    ['dot segments leaving the base path', '/osd/app/../../other'],
    ['encoded dot segments leaving the base path', '/osd/%2e%2e/other'],
    ['the login page', '/osd/login?next=%2Fosd%2Fapp%2Fhome'],
  ])('refuses %s', (_what, next) => {
    expect(safeNextUrl(next, { basePath: '/osd', origin })).toBe('/osd/app/home');
  });

  it('falls back to /app/home without a base path too', () => {
    expect(safeNextUrl('https://evil.example', { basePath: '', origin })).toBe('/app/home');
    expect(safeNextUrl('//evil.example', { basePath: '', origin })).toBe('/app/home');
    expect(safeNextUrl('/login', { basePath: '', origin })).toBe('/app/home');
    expect(safeNextUrl('/loginx', { basePath: '', origin })).toBe('/loginx');
  });
});
