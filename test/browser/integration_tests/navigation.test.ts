/*
 * Moving around the page in Chromium: one history entry per header link, logo or home card; the pages for
 * unknown addresses; `/app` and the default route; application usage of registered apps only; and the
 * layout around the apps (banners under the header, the first breadcrumb in full, one `main`).
 */
import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';

const historyLength = (page: Page) => page.evaluate(() => window.history.length);
const pathname = (page: Page) => new URL(page.url()).pathname;
const mainLandmarks = (page: Page) => page.evaluate(() => document.querySelectorAll('main, [role="main"]').length);
const browserTitle = (text: string) => `${subj('btTitle')}:has-text("${text}")`;

/** Clicks, waits for `ready`, and checks that exactly one history entry was added. */
async function clickAddsOneEntry(page: Page, selector: string, ready: string) {
  const before = await historyLength(page);
  await page.click(selector);
  await page.waitForSelector(ready);
  expect(await historyLength(page)).toBe(before + 1);
}

async function applicationUsage(url: string): Promise<Record<string, unknown>> {
  const { status, body } = await api(`${url}/api/stats?extended=true`);
  if (status !== 200) throw new Error(`/api/stats answered ${status}`);
  return body.usage.application_usage ?? {};
}

describe('navigation, in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv({ args: ['--usageCollection.uiMetric.batchingIntervalInS=1'] }));

  it('header app links, the logo and home cards add one history entry each, and one Back undoes each', async () => {
    const { page } = ctx;
    await page.goto(`${ctx.env.server.url}/app/home`);
    await page.waitForSelector(subj('homeAppCard-browserTestB'));

    await clickAddsOneEntry(page, subj('appLink-browserTestA'), browserTitle('Browser test app A'));
    await clickAddsOneEntry(page, subj('appLink-management'), subj('managementApp'));
    await clickAddsOneEntry(page, subj('logo'), subj('homeApp'));
    await clickAddsOneEntry(page, subj('homeAppCard-browserTestB'), browserTitle('Browser test app B'));
    // The link of the app on screen goes nowhere new: no entry.
    const length = await historyLength(page);
    await page.click(subj('appLink-browserTestB'));
    expect(await historyLength(page)).toBe(length);

    for (const [path, ready] of [
      ['/app/home', subj('homeApp')],
      [SETTINGS_URL, subj('managementApp')],
      ['/app/browserTestA', browserTitle('Browser test app A')],
      ['/app/home', subj('homeAppCard-browserTestB')],
    ]) {
      await page.goBack();
      await page.waitForSelector(ready);
      expect(pathname(page)).toBe(path);
    }
    expect(ctx.watched.errors).toEqual([]);
  });

  it('keeps the logo and app links plain links with an accessible name that says what they show', async () => {
    const { page } = ctx;
    await page.goto(`${ctx.env.server.url}/app/home`);
    await waitForChrome(page);
    expect(await page.getAttribute(subj('logo'), 'href')).toBe('/app/home');
    const logoName = (await page.getAttribute(subj('logo'), 'aria-label')) ?? '';
    expect(logoName).toContain((await page.textContent(subj('logo')))!.trim());
    expect(await page.getAttribute(subj('appLink-browserTestA'), 'href')).toBe('/app/browserTestA');
  });

  it('answers unknown addresses with a 404, and unknown APIs with the JSON scripts parse', async () => {
    const { page } = ctx;
    const response = await page.goto(`${ctx.env.server.url}/nope/deeper?x=1`);
    expect(response?.status()).toBe(404);
    for (const path of ['/api/nope', '/api/telemetry/v2/nope', '/internal/nope']) {
      const answer = await api(`${ctx.env.server.url}${path}`);
      expect([path, answer.status, answer.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/json')]);
      expect(answer.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    }
  });

  it('answers an unknown page address outside /app with the HTML "Page not found" page (status 404)', async () => {
    const { page } = ctx;
    const { url } = ctx.env.server;
    const response = await page.goto(`${url}/nope/deeper?x=1`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(response?.headers()['content-security-policy']).toContain("style-src 'unsafe-inline' 'self'");
    await page.waitForSelector(subj('notFoundPage'));
    expect(await page.title()).toBe('Page not found - OpenSearch Dashboards');
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await mainLandmarks(page)).toBe(1);
    // Its own styles apply under the page policy (a blocked style would also be a console error).
    expect(await page.$eval(subj('notFoundPage'), (el) => getComputedStyle(el).borderTopLeftRadius)).toBe('6px');
    // One click leads back into the app.
    await page.click(subj('notFoundHomeLink'));
    await page.waitForSelector(subj('homeApp'));
    expect(pathname(page)).toBe('/app/home');
    // Chromium reports the 404 of the document itself as a console error; nothing else may fail.
    expect(ctx.watched.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);

    // Nobody signed in: the same page, not the login page (it shows nothing of anyone's).
    const anonymous = await ctx.env.browser.newContext();
    try {
      const anonymousPage = await anonymous.newPage();
      const answer = await anonymousPage.goto(`${url}/foo/bar`);
      expect(answer?.status()).toBe(404);
      await anonymousPage.waitForSelector(subj('notFoundPage'));
      expect(pathname(anonymousPage)).toBe('/foo/bar');
    } finally {
      await anonymous.close();
    }
  });

  it('shows the app shell with "Application Not Found" for /app/<unknown>, and never reports the unknown id', async () => {
    const { page } = ctx;
    const response = await page.goto(`${ctx.env.server.url}/app/nope`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector(subj('appNotFoundPageContent'));
    await waitForChrome(page);
    expect(await mainLandmarks(page)).toBe(1);
    // Some time on the unknown page (and a click), then a known app: the batch goes out as the app changes.
    await page.click(subj('appNotFoundPageContent'));
    await page.waitForTimeout(1500);
    await page.click(subj('appLink-browserTestA'));
    await page.waitForSelector(browserTitle('Browser test app A'));
    await page.click(subj('appLink-home'));
    await page.waitForSelector(subj('homeApp'));

    const deadline = Date.now() + 20000;
    let usage = await applicationUsage(ctx.env.server.url);
    while (!usage.browserTestA && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      usage = await applicationUsage(ctx.env.server.url);
    }
    expect(usage.browserTestA).toBeDefined();
    expect(Object.keys(usage)).not.toContain('nope');
    expect(ctx.watched.errors).toEqual([]);
  });

  it('sends /app and / where the defaultRoute setting says', async () => {
    const { page } = ctx;
    const { url } = ctx.env.server;
    const redirect = await fetch(`${url}/app`, { redirect: 'manual', headers: { cookie: await sessionCookie(page) } });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/app/home']);

    expect((await api(`${url}/api/opensearch-dashboards/settings`, 'POST', { changes: { defaultRoute: '/app/browserTestB' } })).status).toBe(200);
    try {
      for (const start of ['/app', '/']) {
        await page.goto(`${url}${start}`);
        await page.waitForSelector(browserTitle('Browser test app B'));
        expect(pathname(page)).toBe('/app/browserTestB');
      }
    } finally {
      await api(`${url}/api/opensearch-dashboards/settings/defaultRoute`, 'DELETE');
    }
  });

  it('lays the page out as OSD: banners under the header, the first breadcrumb in full at 1280 px, one main', async () => {
    const { page } = ctx;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
    await page.waitForSelector(subj('telemetryOptInBanner'));
    const header = (await page.locator(subj('headerGlobalNav')).boundingBox())!;
    const banners = (await page.locator(subj('globalBannerList')).boundingBox())!;
    expect(banners.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(await page.getAttribute(subj('globalBannerList'), 'role')).toBe('region');

    const first = page.locator(`${subj('breadcrumbs')} .euiBreadcrumb`).first();
    expect(await first.textContent()).toBe('Dashboards Management');
    const [scrollWidth, clientWidth] = await first.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await mainLandmarks(page)).toBe(1);

    await page.click(subj('appLink-home'));
    await page.waitForSelector(subj('homeApp'));
    expect(await mainLandmarks(page)).toBe(1);
  });
});

/** The page's session cookie, for a request made outside the browser as the same user. */
async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
