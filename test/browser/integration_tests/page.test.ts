import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { BrowserEnv, openPage, saveScreenshot, startBrowserEnv, subj, waitForChrome, WatchedPage } from '../browser_harness';

const appIds = (page: Page) => page.evaluate(() => window.__browserTest?.appIds ?? []);

describe('the page, in Chromium', () => {
  let env: BrowserEnv;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });
  beforeEach(async () => {
    watched = await openPage(env.browser);
    page = watched.page;
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('loads / as the home app with no console errors, metadata and a cacheable bundle', async () => {
    const response = await page.goto(`${env.server.url}/`);
    expect(response?.headers()['content-type']).toContain('text/html');
    await page.waitForSelector(subj('homeApp'));
    expect(new URL(page.url()).pathname).toBe('/app/home');
    expect(await page.title()).toBe('Home - OpenSearch Dashboards');
    await page.waitForSelector(subj('homeAppCard-browserTestA'));
    expect(await page.isVisible(subj('homeAdvancedSettingsLink'))).toBe(true);
    expect(await page.isVisible(subj('homeAppCard-browserTestBroken'))).toBe(false);

    const metadata = JSON.parse((await page.getAttribute('osd-injected-metadata', 'data'))!);
    const status = await api(`${env.server.url}/api/status`);
    expect(metadata).toMatchObject({ version: status.body.version.number, serverUuid: status.body.uuid, basePath: '' });
    expect(metadata.uiPlugins.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['advancedSettings', 'home', 'browserTestPlugin']));
    expect(metadata.uiSettings.defaults['browserTest:pageSize']).toMatchObject({ value: 10, type: 'number' });

    const script = await page.getAttribute('script[src*="/ui/bundles/"]', 'src');
    const bundle = await fetch(`${env.server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('immutable');
    expect(bundle.headers.get('content-type')).toContain('javascript');
    await saveScreenshot(page, 'home');
    expect(watched.errors).toEqual([]);
  });

  it('moves between two apps, updating currentAppId$, the URL, the title and the back button', async () => {
    await page.goto(`${env.server.url}/app/browserTestA`);
    await page.waitForSelector(subj('btTitle'));
    expect(await page.textContent(subj('btTitle'))).toBe('Browser test app A');

    await page.click(subj('appLink-browserTestB'));
    await page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app B")`);
    expect(new URL(page.url()).pathname).toBe('/app/browserTestB');
    expect(await page.title()).toBe('Browser test B - OpenSearch Dashboards');
    expect(await appIds(page)).toEqual(['browserTestA', 'browserTestB']);

    // A plain <a href> into another app navigates inside the page (no reload: the record survives).
    await page.click(subj('btLinkToOther'));
    await page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app A")`);
    expect(await appIds(page)).toEqual(['browserTestA', 'browserTestB', 'browserTestA']);

    await page.goBack();
    await page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app B")`);
    expect(new URL(page.url()).pathname).toBe('/app/browserTestB');
    expect(await appIds(page)).toEqual(['browserTestA', 'browserTestB', 'browserTestA', 'browserTestB']);

    // Navigation inside the app keeps the app and changes the path it sees.
    await page.click(subj('btPushPath'));
    await page.waitForSelector(`${subj('btPath')}:has-text("/inner")`);
    expect(new URL(page.url()).pathname).toBe('/app/browserTestB/inner');

    // A reload stays on the app and path.
    await page.reload();
    await page.waitForSelector(`${subj('btPath')}:has-text("/inner")`);
    expect(await appIds(page)).toEqual(['browserTestB']);
    expect(await page.getAttribute(subj('appLink-browserTestB'), 'class')).toContain('euiHeaderLink-isActive');
    expect(watched.errors).toEqual([]);
  });

  it('runs the public half with its exposed config and only its declared dependencies', async () => {
    await page.goto(`${env.server.url}/app/browserTestA`);
    await page.waitForSelector(subj('btConfig'));
    expect(JSON.parse((await page.textContent(subj('btConfig')))!)).toEqual({ greeting: 'hello from the server config' });
    const record = await page.evaluate(() => window.__browserTest!);
    expect(record.setupDeps).toContain('advancedSettings');
    expect(record.setupDeps).not.toContain('home');
    expect(record.setupDeps.every((d) => ['advancedSettings', 'usageCollection'].includes(d))).toBe(true);
    expect(record.startDeps).toEqual(record.setupDeps);
    expect(await page.textContent(subj('btPageSize'))).toBe('10');
  });

  it('shows a banner, a toast and a flyout from a plugin', async () => {
    await page.goto(`${env.server.url}/app/browserTestA`);
    await page.click(subj('btShowBanner'));
    await page.waitForSelector(`${subj('globalBannerList')} ${subj('btBanner')}`);
    expect(await page.textContent(subj('btBanner'))).toContain('Browser test banner');

    await page.click(subj('btShowToast'));
    await page.waitForSelector(subj('btToast'));
    expect(await page.textContent(subj('btToast'))).toContain('Browser test toast');

    await page.click(subj('btOpenFlyout'));
    await page.waitForSelector(subj('btFlyoutBody'));
    // Let the flyout finish sliding in, for a readable screenshot.
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'banner_toast_flyout');
    await page.click(`${subj('btFlyout')} [data-test-subj="euiFlyoutCloseButton"]`);
    await page.waitForSelector(subj('btFlyoutBody'), { state: 'detached' });

    await page.click(subj('btRemoveBanner'));
    await page.waitForSelector(subj('btBanner'), { state: 'detached' });
    expect(watched.errors).toEqual([]);
  });

  it("calls the server with the xsrf header and rejects with the server's message", async () => {
    await page.goto(`${env.server.url}/app/browserTestA`);
    await page.click(subj('btCallServer'));
    await page.waitForSelector(`${subj('btServerResult')}:has-text("ping:true")`);
    await page.click(subj('btCallFailing'));
    await page.waitForSelector(`${subj('btServerResult')}:has-text("error:The browser test route refused this on purpose")`);
  });

  it('shows an error screen for an app whose mount throws, and the rest of the page keeps working', async () => {
    await page.goto(`${env.server.url}/app/browserTestBroken`);
    await page.waitForSelector(subj('appErrorScreen'));
    expect(await page.textContent(subj('appErrorMessage'))).toContain('Broken on purpose by the browser test plugin');
    expect(watched.errors.join('\n')).toContain('Application "browserTestBroken" failed to mount');
    await page.click(subj('appLink-browserTestA'));
    await page.waitForSelector(subj('btTitle'));
    expect(await page.isVisible(subj('appErrorScreen'))).toBe(false);
  });

  it('shows "Application Not Found" for an unknown app', async () => {
    await page.goto(`${env.server.url}/app/doesNotExist`);
    await page.waitForSelector(subj('appNotFoundPageContent'));
    await waitForChrome(page);
    expect(watched.errors).toEqual([]);
  });
});

describe('the page under server.basePath', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv({ args: ['--server.basePath=/osd'] });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('serves the page, the bundle and the API calls under the base path', async () => {
    const { page, errors } = await openPage(env.browser);
    await page.goto(`${env.server.url}/osd`);
    await page.waitForSelector(subj('homeApp'));
    expect(new URL(page.url()).pathname).toBe('/osd/app/home');
    expect(await page.getAttribute('script[src*="/ui/bundles/"]', 'src')).toMatch(/^\/osd\/ui\/bundles\//);
    expect(await page.getAttribute(subj('appLink-browserTestA'), 'href')).toBe('/osd/app/browserTestA');

    await page.click(subj('appLink-browserTestA'));
    await page.click(subj('btCallServer'));
    await page.waitForSelector(`${subj('btServerResult')}:has-text("ping:true")`);
    expect(new URL(page.url()).pathname).toBe('/osd/app/browserTestA');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
