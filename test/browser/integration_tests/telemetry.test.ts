/*
 * Telemetry in the browser: the opt-in banner, the browser sender, the Usage Data section and its example
 * flyout, on the real server with a local receiver (loopback only).
 */
import { join } from 'path';
import { Page } from 'playwright-core';
import { api, TEST_PLUGINS_DIR } from '../../harness/osd_server';
import { startReceiver, type Receiver } from '../../receiver';
import { BrowserEnv, openPage, saveScreenshot, startBrowserEnv, subj, waitForChrome, useBrowserEnv } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
/** The shortest report interval the config allows. */
const REPORT_INTERVAL_MS = 60_000;
/** Reads the opt-in state through the start contract, as the spec's usage example. */
const CONSUMER_PLUGIN = join(TEST_PLUGINS_DIR, 'telemetry_consumer_plugin');

const receiverArgs = (receiver: Receiver) => [`--telemetry.url=${receiver.url}/send`, `--telemetry.optInStatusUrl=${receiver.url}/opt_in_status`];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openSettings(page: Page, url: string) {
  await page.goto(`${url}${SETTINGS_URL}`);
  await page.waitForSelector(subj('telemetryManagementSection'));
}

async function toastText(page: Page) {
  await page.waitForSelector(`${subj('globalToastList')} ${subj('osdToast')}`);
  return page.textContent(subj('globalToastList'));
}

describe('telemetry in Chromium, a fresh install with the browser as sender', () => {
  let receiver: Receiver;
  const ctx = useBrowserEnv(async () => {
    receiver = await startReceiver();
    return startBrowserEnv({
      args: [...receiverArgs(receiver), '--telemetry.sendUsageFrom=browser', '--telemetry.initialCheckDelay=1s', `--telemetry.reportInterval=${REPORT_INTERVAL_MS}ms`],
    });
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('shows the opt-in banner on a fresh install', async () => {
    await ctx.page.goto(ctx.env.server.url);
    await waitForChrome(ctx.page);
    await ctx.page.waitForSelector(subj('telemetryOptInBanner'));
    expect(await ctx.page.textContent(subj('telemetryOptInBanner'))).toContain('Help us improve OpenSearch Dashboards');
    expect(await ctx.page.getAttribute(subj('telemetryOptInPrivacyLink'), 'href')).toBe('https://www.linuxfoundation.org/legal/privacy-policy');
    await saveScreenshot(ctx.page, 'telemetry_opt_in_banner', { fullPage: false });
    expect(ctx.watched.errors).toEqual([]);
  });

  it('shows the server message when the opt-in call fails, and asks again after a reload', async () => {
    await ctx.page.route('**/api/telemetry/v2/optIn', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'The store is read-only' }) })
    );
    await ctx.page.goto(ctx.env.server.url);
    await ctx.page.click(subj('telemetryOptInEnable'));
    const text = await toastText(ctx.page);
    expect(text).toContain('Could not save the usage data preference');
    expect(text).toContain('The store is read-only');
    await ctx.page.unroute('**/api/telemetry/v2/optIn');
    await ctx.page.reload();
    await ctx.page.waitForSelector(subj('telemetryOptInBanner'));
    expect((await api(`${ctx.env.server.url}/api/telemetry/v2/state`)).body.optIn).toBeNull();
    expect(receiver.requests).toEqual([]);
  });

  it('Enable: the receiver gets a report once the sender is due, and the banner is gone after a reload', async () => {
    await ctx.page.goto(ctx.env.server.url);
    await ctx.page.click(subj('telemetryOptInEnable'));
    await ctx.page.waitForSelector(subj('telemetryOptInBanner'), { state: 'detached' });
    const report = await receiver.waitForRequest({ prefix: '/send', timeoutMs: 15000 });
    expect(report.headers['osd-telemetry-channel']).toBe('snapshot');
    expect(JSON.parse(report.body)).toMatchObject({ cluster_uuid: expect.any(String), stack_stats: expect.any(Object) });
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(1);
    expect((await api(`${ctx.env.server.url}/api/telemetry/v2/state`)).body.optIn).toBe(true);
    await ctx.page.reload();
    await waitForChrome(ctx.page);
    await sleep(500);
    expect(await ctx.page.isVisible(subj('telemetryOptInBanner'))).toBe(false);
  });

  it('Advanced Settings: Usage Data reflects the state, and the flyout shows the live report', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    const sw = subj('telemetryOptInSwitch');
    await ctx.page.waitForSelector(`${sw}[aria-checked="true"]`);
    expect(await ctx.page.textContent(subj('telemetryManagementSection'))).toContain('Provide usage data');
    await ctx.page.locator(subj('telemetryManagementSection')).scrollIntoViewIfNeeded();
    await saveScreenshot(ctx.page, 'telemetry_usage_data_section', { fullPage: false });

    await ctx.page.click(subj('telemetryExampleLink'));
    await ctx.page.waitForSelector(subj('telemetryExampleJson'));
    const reports = JSON.parse((await ctx.page.textContent(subj('telemetryExampleJson')))!);
    const stats = await api(`${ctx.env.server.url}/api/stats?extended=true&exclude_usage=true`);
    // On the embedded store both name the store by the server's uuid.
    expect(reports[0].cluster_uuid).toBe(stats.body.cluster_uuid);
    expect(stats.body.cluster_uuid).toBe(stats.body.opensearch_dashboards.uuid);
    expect(await ctx.page.textContent(subj('telemetryExampleSize'))).toMatch(/Size: [\d.]+ (B|KB)/);
    expect(await ctx.page.getAttribute(subj('telemetryExampleDownload'), 'href')).toBe('/api/telemetry_management_section/example_report');
    await saveScreenshot(ctx.page, 'telemetry_example_flyout', { fullPage: false });
    expect(ctx.watched.errors).toEqual([]);
  });

  it('is found by the search terms telemetry, usage and data', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    for (const text of ['telemetry', 'usage', 'data']) {
      await ctx.page.fill(subj('settingsSearchBar'), '');
      await ctx.page.locator(subj('settingsSearchBar')).pressSequentially(text);
      await ctx.page.waitForSelector(subj('telemetryManagementSection'));
    }
    await ctx.page.fill(subj('settingsSearchBar'), '');
    await ctx.page.locator(subj('settingsSearchBar')).pressSequentially('browser test color');
    await ctx.page.waitForSelector(subj('telemetryManagementSection'), { state: 'detached' });
  });

  it('switch off: a success toast, and no more reports', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    await ctx.page.waitForSelector(`${subj('telemetryOptInSwitch')}[aria-checked="true"]`);
    await ctx.page.click(subj('telemetryOptInSwitch'));
    expect(await toastText(ctx.page)).toContain('Usage data collection turned off.');
    await ctx.page.waitForSelector(`${subj('telemetryOptInSwitch')}[aria-checked="false"]`);
    expect((await api(`${ctx.env.server.url}/api/telemetry/v2/state`)).body.optIn).toBe(false);
    const sent = receiver.requestsTo('/send').length;
    // Make a report due (the last one two intervals ago), reload: an opted-out page still sends nothing.
    await ctx.page.evaluate((ago) => localStorage.setItem('telemetry.data', JSON.stringify({ lastReport: String(Date.now() - ago) })), REPORT_INTERVAL_MS * 2);
    await ctx.page.reload();
    await waitForChrome(ctx.page);
    await sleep(4000);
    expect(receiver.requestsTo('/send')).toHaveLength(sent);
  });
});

describe('telemetry in Chromium, locked by config', () => {
  let env: BrowserEnv;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    env = await startBrowserEnv({ args: [...receiverArgs(receiver), '--telemetry.optIn=false', '--telemetry.allowChangingOptInStatus=false'] });
  });
  afterAll(async () => {
    await env?.stop();
    await receiver?.stop();
  });

  it('shows the disabled switch with the reason, and never the banner', async () => {
    const { page, errors } = await openPage(env.browser, { server: env.server.url });
    await openSettings(page, env.server.url);
    await page.waitForSelector(subj('telemetryLockedMessage'));
    expect(await page.textContent(subj('telemetryLockedMessage'))).toContain('opensearch_dashboards.yml');
    expect(await page.isDisabled(subj('telemetryOptInSwitch'))).toBe(true);
    expect(await page.getAttribute(subj('telemetryOptInSwitch'), 'aria-checked')).toBe('false');
    await page.locator(subj('telemetryManagementSection')).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'telemetry_usage_data_locked', { fullPage: false });
    await page.goto(env.server.url);
    await waitForChrome(page);
    await sleep(1000);
    expect(await page.isVisible(subj('telemetryOptInBanner'))).toBe(false);
    expect(await page.isVisible(subj('telemetryOptedInNotice'))).toBe(false);
    expect(errors).toEqual([]);
    expect(receiver.requests).toEqual([]);
    await page.context().close();
  });
});

describe('telemetry in Chromium, the example flyout when the report cannot be read', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv({ args: ['--telemetry.url=http://127.0.0.1:9/send', '--telemetry.optInStatusUrl=http://127.0.0.1:9/opt_in_status'] });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it.each([
    [403, 'Forbidden', 'telemetryExampleForbidden', 'You do not have access to see unencrypted cluster statistics.'],
    [500, 'Could not build the telemetry report: boom', 'telemetryExampleError', 'Could not build the telemetry report: boom'],
  ])('says so on a %d', async (status, message, testSubj, text) => {
    const { page } = await openPage(env.browser, { server: env.server.url });
    await page.route('**/api/telemetry/v2/clusters/_stats', (route) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ statusCode: status, error: 'x', message }) })
    );
    await openSettings(page, env.server.url);
    await page.click(subj('telemetryExampleLink'));
    await page.waitForSelector(subj(testSubj));
    expect(await page.textContent(subj(testSubj))).toContain(text);
    await page.context().close();
  });
});

describe('telemetry in Chromium, opted in by config', () => {
  let env: BrowserEnv;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    env = await startBrowserEnv({ args: [...receiverArgs(receiver), '--telemetry.optIn=true'], pluginPaths: [CONSUMER_PLUGIN] });
  });
  afterAll(async () => {
    await env?.stop();
    await receiver?.stop();
  });

  it('shows the "opted in by default" notice until it is dismissed', async () => {
    const { page, errors } = await openPage(env.browser, { server: env.server.url });
    await page.goto(env.server.url);
    await page.waitForSelector(subj('telemetryOptedInNotice'));
    expect(await page.isVisible(subj('telemetryOptInBanner'))).toBe(false);
    expect(await page.getAttribute(subj('telemetryNoticeSettingsLink'), 'href')).toBe(SETTINGS_URL);
    await saveScreenshot(page, 'telemetry_opted_in_notice', { fullPage: false });
    const [seen] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/telemetry/v2/userHasSeenNotice')), page.click(subj('telemetryNoticeDismiss'))]);
    expect(seen.status()).toBe(200);
    await page.waitForSelector(subj('telemetryOptedInNotice'), { state: 'detached' });
    expect((await api(`${env.server.url}/api/telemetry/v2/state`)).body.notifyUserAboutOptInDefault).toBe(false);
    await page.reload();
    await waitForChrome(page);
    await sleep(1000);
    expect(await page.isVisible(subj('telemetryOptedInNotice'))).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('answers a plugin that asks `telemetry?.telemetryService?.getIsOptedIn()`', async () => {
    const { page } = await openPage(env.browser, { server: env.server.url });
    await page.goto(env.server.url);
    await waitForChrome(page);
    // The config's value first, then the server's (the same here).
    await page.waitForFunction(() => window.__telemetryConsumer?.length === 2);
    expect(await page.evaluate(() => window.__telemetryConsumer)).toEqual([true, true]);
    await page.context().close();
  });

  it('serves the example report as a download', async () => {
    const response = await api(`${env.server.url}/api/telemetry_management_section/example_report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="opensearch_dashboards_usage_data_example.json"');
    const reports = JSON.parse(response.text);
    expect(reports).toEqual([expect.objectContaining({ cluster_uuid: expect.any(String), collection: 'local' })]);
  });
});
