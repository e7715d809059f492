import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { BrowserEnv, openPage, saveScreenshot, startBrowserEnv, subj, waitForChrome, useBrowserEnv } from '../browser_harness';

const appIds = (page: Page) => page.evaluate(() => window.__browserTest?.appIds ?? []);

describe('the page, in Chromium', () => {
  const ctx = useBrowserEnv();

  it('loads / as the home app with no console errors, metadata and a cacheable bundle', async () => {
    const response = await ctx.page.goto(`${ctx.env.server.url}/`);
    expect(response?.headers()['content-type']).toContain('text/html');
    await ctx.page.waitForSelector(subj('homeApp'));
    expect(new URL(ctx.page.url()).pathname).toBe('/app/home');
    expect(await ctx.page.title()).toBe('Home - OpenSearch Dashboards');
    await ctx.page.waitForSelector(subj('homeAppCard-browserTestA'));
    expect(await ctx.page.isVisible(subj('homeAdvancedSettingsLink'))).toBe(true);
    expect(await ctx.page.isVisible(subj('homeAppCard-browserTestBroken'))).toBe(false);

    const metadata = JSON.parse((await ctx.page.getAttribute('osd-injected-metadata', 'data'))!);
    const status = await api(`${ctx.env.server.url}/api/status`);
    expect(metadata).toMatchObject({ version: status.body.version.number, serverUuid: status.body.uuid, basePath: '' });
    expect(metadata.uiPlugins.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['advancedSettings', 'home', 'browserTestPlugin']));
    expect(metadata.uiSettings.defaults['browserTest:pageSize']).toMatchObject({ value: 10, type: 'number' });

    const script = await ctx.page.getAttribute('script[src*="/ui/bundles/"]', 'src');
    const bundle = await fetch(`${ctx.env.server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('immutable');
    expect(bundle.headers.get('content-type')).toContain('javascript');
    await saveScreenshot(ctx.page, 'home');
    expect(ctx.watched.errors).toEqual([]);
  });

  it('moves between two apps, updating currentAppId$, the URL, the title and the back button', async () => {
    await ctx.page.goto(`${ctx.env.server.url}/app/browserTestA`);
    await ctx.page.waitForSelector(subj('btTitle'));
    expect(await ctx.page.textContent(subj('btTitle'))).toBe('Browser test app A');

    await ctx.page.click(subj('appLink-browserTestB'));
    await ctx.page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app B")`);
    expect(new URL(ctx.page.url()).pathname).toBe('/app/browserTestB');
    expect(await ctx.page.title()).toBe('Browser test B - OpenSearch Dashboards');
    expect(await appIds(ctx.page)).toEqual(['browserTestA', 'browserTestB']);

    // A plain <a href> into another app navigates inside the ctx.page (no reload: the record survives).
    await ctx.page.click(subj('btLinkToOther'));
    await ctx.page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app A")`);
    expect(await appIds(ctx.page)).toEqual(['browserTestA', 'browserTestB', 'browserTestA']);

    await ctx.page.goBack();
    await ctx.page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app B")`);
    expect(new URL(ctx.page.url()).pathname).toBe('/app/browserTestB');
    expect(await appIds(ctx.page)).toEqual(['browserTestA', 'browserTestB', 'browserTestA', 'browserTestB']);

    // Navigation inside the app keeps the app and changes the path it sees.
    await ctx.page.click(subj('btPushPath'));
    await ctx.page.waitForSelector(`${subj('btPath')}:has-text("/inner")`);
    expect(new URL(ctx.page.url()).pathname).toBe('/app/browserTestB/inner');

    // A reload stays on the app and path.
    await ctx.page.reload();
    await ctx.page.waitForSelector(`${subj('btPath')}:has-text("/inner")`);
    expect(await appIds(ctx.page)).toEqual(['browserTestB']);
    expect(await ctx.page.getAttribute(subj('appLink-browserTestB'), 'class')).toContain('euiHeaderLink-isActive');
    expect(ctx.watched.errors).toEqual([]);
  });

  it('runs the public half with its exposed config and only its declared dependencies', async () => {
    await ctx.page.goto(`${ctx.env.server.url}/app/browserTestA`);
    await ctx.page.waitForSelector(subj('btConfig'));
    expect(JSON.parse((await ctx.page.textContent(subj('btConfig')))!)).toEqual({ greeting: 'hello from the server config' });
    const record = await ctx.page.evaluate(() => window.__browserTest!);
    expect(record.setupDeps).toContain('advancedSettings');
    expect(record.setupDeps).not.toContain('home');
    expect(record.setupDeps.every((d) => ['advancedSettings', 'usageCollection'].includes(d))).toBe(true);
    expect(record.startDeps).toEqual(record.setupDeps);
    expect(await ctx.page.textContent(subj('btPageSize'))).toBe('10');
  });

  it('shows a banner, a toast and a flyout from a plugin', async () => {
    await ctx.page.goto(`${ctx.env.server.url}/app/browserTestA`);
    await ctx.page.click(subj('btShowBanner'));
    await ctx.page.waitForSelector(`${subj('globalBannerList')} ${subj('btBanner')}`);
    expect(await ctx.page.textContent(subj('btBanner'))).toContain('Browser test banner');

    await ctx.page.click(subj('btShowToast'));
    await ctx.page.waitForSelector(subj('btToast'));
    expect(await ctx.page.textContent(subj('btToast'))).toContain('Browser test toast');

    await ctx.page.click(subj('btOpenFlyout'));
    await ctx.page.waitForSelector(subj('btFlyoutBody'));
    // Let the flyout finish sliding in, for a readable screenshot.
    await ctx.page.waitForTimeout(500);
    await saveScreenshot(ctx.page, 'banner_toast_flyout');
    await ctx.page.click(`${subj('btFlyout')} [data-test-subj="euiFlyoutCloseButton"]`);
    await ctx.page.waitForSelector(subj('btFlyoutBody'), { state: 'detached' });

    await ctx.page.click(subj('btRemoveBanner'));
    await ctx.page.waitForSelector(subj('btBanner'), { state: 'detached' });
    expect(ctx.watched.errors).toEqual([]);
  });

  it("calls the server with the xsrf header and rejects with the server's message", async () => {
    await ctx.page.goto(`${ctx.env.server.url}/app/browserTestA`);
    await ctx.page.click(subj('btCallServer'));
    await ctx.page.waitForSelector(`${subj('btServerResult')}:has-text("ping:true")`);
    await ctx.page.click(subj('btCallFailing'));
    await ctx.page.waitForSelector(`${subj('btServerResult')}:has-text("error:The browser test route refused this on purpose")`);
  });

  it('shows an error screen for an app whose mount throws, and the rest of the ctx.page keeps working', async () => {
    await ctx.page.goto(`${ctx.env.server.url}/app/browserTestBroken`);
    await ctx.page.waitForSelector(subj('appErrorScreen'));
    expect(await ctx.page.textContent(subj('appErrorMessage'))).toContain('Broken on purpose by the browser test plugin');
    expect(ctx.watched.errors.join('\n')).toContain('Application "browserTestBroken" failed to mount');
    await ctx.page.click(subj('appLink-browserTestA'));
    await ctx.page.waitForSelector(subj('btTitle'));
    expect(await ctx.page.isVisible(subj('appErrorScreen'))).toBe(false);
  });

  it('shows "Application Not Found" for an unknown app', async () => {
    await ctx.page.goto(`${ctx.env.server.url}/app/doesNotExist`);
    await ctx.page.waitForSelector(subj('appNotFoundPageContent'));
    await waitForChrome(ctx.page);
    expect(ctx.watched.errors).toEqual([]);
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
    const { page, errors } = await openPage(env.browser, { server: `${env.server.url}/osd` });
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
