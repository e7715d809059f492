import { join } from 'path';
import { capabilitiesServiceMock } from '../mocks';
import { createInjectedMetadata } from './injected_metadata';
import { readThemeFiles, THEME_FILES } from './bundler';
import { renderTemplate } from './render_template';
import { testEnv as env } from './test_utils';

const metadata = createInjectedMetadata({
  env,
  basePath: '',
  serverUuid: 'u',
  serverName: 'n',
  defaultRoute: '/app/home',
  uiPlugins: [],
  capabilities: capabilitiesServiceMock.createCapabilities(),
  uiSettings: { defaults: {}, user: {} },
});
const page = (darkMode: boolean) =>
  renderTemplate({ metadata, bundlesUrl: '/ui/bundles/abc', faviconUrl: '/f.svg', hasCss: true, themeCss: THEME_FILES[darkMode ? 'dark' : 'light'], darkMode });

describe('the theme stylesheet', () => {
  it('links the light or dark OUI stylesheet before the bundle CSS, and colours the loading screen to match', () => {
    const light = page(false);
    const dark = page(true);
    expect(light).toContain('<html lang="en" data-osd-theme="light">');
    expect(light).toContain('href="/ui/bundles/abc/oui_light.css"');
    expect(light).not.toContain('oui_dark.css');
    expect(dark).toContain('<html lang="en" data-osd-theme="dark">');
    expect(dark).toContain('href="/ui/bundles/abc/oui_dark.css"');
    expect(dark).toContain('html, body { background-color: #1d1e24; }');
    expect(dark.indexOf('oui_dark.css')).toBeLessThan(dark.indexOf('osd.css'));
  });

  it("reads both themes from OUI's package", () => {
    const files = readThemeFiles(join(__dirname, '..', '..', '..', '..'));
    expect([...files.keys()].sort()).toEqual(['oui_dark.css', 'oui_light.css']);
    // OUI's page backgrounds: dark #1D1E24, light #FAFBFD.
    expect(files.get('oui_dark.css')!.toString('utf8').toLowerCase()).toContain('#1d1e24');
    expect(files.get('oui_light.css')!.toString('utf8').toLowerCase()).toContain('#fafbfd');
  });
});
