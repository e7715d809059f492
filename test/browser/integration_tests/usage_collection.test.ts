import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { startBrowserEnv, subj, useBrowserEnv } from '../browser_harness';

const REPORT_ROUTE = '**/api/ui_metric/report';

interface Stats {
  ui_metric?: Record<string, Array<{ key: string; value: number }>>;
  application_usage?: Record<string, { clicks_total: number; minutes_on_screen_total: number }>;
}

async function usage(url: string): Promise<Stats> {
  const { status, body } = await api(`${url}/api/stats?extended=true`);
  if (status !== 200) throw new Error(`/api/stats answered ${status}`);
  return body.usage;
}

const buttonCount = (stats: Stats) => stats.ui_metric?.browserTest?.find((e) => e.key === 'button_clicked')?.value ?? 0;

/** Polls `/api/stats?extended=true` until `check` holds; returns the usage that satisfied it. */
async function waitForUsage(url: string, check: (stats: Stats) => boolean, timeoutMs = 20000): Promise<Stats> {
  const deadline = Date.now() + timeoutMs;
  let last: Stats = {};
  while (Date.now() < deadline) {
    last = await usage(url);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`usage never matched; last: ${JSON.stringify(last)}`);
}

/**
 * Usage once it stopped changing: pages of earlier tests send their last batch as they close, and the server
 * lingers `batchingIntervalInS` before committing it.
 */
async function settledUsage(url: string): Promise<Stats> {
  const counts = (s: Stats) => JSON.stringify([s.ui_metric, s.application_usage]);
  let previous = await usage(url);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    const current = await usage(url);
    if (counts(current) === counts(previous)) return current;
    previous = current;
  }
  throw new Error('usage kept changing');
}

async function openApp(page: Page, url: string, app: string) {
  await page.goto(`${url}/app/${app}`);
  await page.waitForSelector(subj('btReportUiMetric'));
}

describe('usage collection in the browser, in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv({ args: ['--usageCollection.uiMetric.batchingIntervalInS=1'] }));

  it('a reportUiStats click reaches usage.ui_metric, with the user agent once per browser session', async () => {
    const before = buttonCount(await settledUsage(ctx.env.server.url));
    await openApp(ctx.page, ctx.env.server.url, 'browserTestA');
    await ctx.page.click(subj('btReportUiMetric'));
    await ctx.page.click(subj('btReportUiMetric'));
    const stats = await waitForUsage(ctx.env.server.url, (s) => buttonCount(s) >= before + 2);
    expect(buttonCount(stats)).toBe(before + 2);
    const userAgent = await ctx.page.evaluate(() => navigator.userAgent);
    expect(stats.ui_metric!['opensearchDashboards-user_agent']).toEqual(expect.arrayContaining([{ key: userAgent, value: 1 }]));
    // A second tab of the same browser session does not report it again.
    const other = await ctx.page.context().newPage();
    await openApp(other, ctx.env.server.url, 'browserTestB');
    await other.click(subj('btReportUiMetric'));
    await waitForUsage(ctx.env.server.url, (s) => buttonCount(s) >= before + 3);
    expect((await usage(ctx.env.server.url)).ui_metric!['opensearchDashboards-user_agent']).toEqual(expect.arrayContaining([{ key: userAgent, value: 1 }]));
    await other.close();
    expect(ctx.watched.errors).toEqual([]);
  });

  it('records application usage: clicks and time in an app, sent once the app is left', async () => {
    const before = (await settledUsage(ctx.env.server.url)).application_usage?.browserTestA?.clicks_total ?? 0;
    await openApp(ctx.page, ctx.env.server.url, 'browserTestA');
    await ctx.page.click(subj('btShowToast'));
    await ctx.page.click(subj('btPushPath'));
    await ctx.page.waitForSelector(`${subj('btPath')}:has-text("/inner")`);
    await ctx.page.click(subj('btGoToOther'));
    await ctx.page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app B")`);
    const stats = await waitForUsage(ctx.env.server.url, (s) => (s.application_usage?.browserTestA?.clicks_total ?? 0) >= before + 3);
    expect(stats.application_usage!.browserTestA.clicks_total).toBe(before + 3);
    expect(stats.application_usage!.browserTestA.minutes_on_screen_total).toBeGreaterThan(0);

    // Hiding the ctx.page closes app B's session and sends it.
    const beforeB = stats.application_usage?.browserTestB?.clicks_total ?? 0;
    await ctx.page.click(subj('btShowToast'));
    await ctx.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitForUsage(ctx.env.server.url, (s) => (s.application_usage?.browserTestB?.clicks_total ?? 0) >= beforeB + 1);
    expect(ctx.watched.errors).toEqual([]);
  });

  it('a reload right after a click sends the batch on the way out, exactly once', async () => {
    await openApp(ctx.page, ctx.env.server.url, 'browserTestA');
    const before = buttonCount(await settledUsage(ctx.env.server.url));
    await ctx.page.click(subj('btReportUiMetric'));
    await ctx.page.reload();
    await ctx.page.waitForSelector(subj('btReportUiMetric'));
    await waitForUsage(ctx.env.server.url, (s) => buttonCount(s) >= before + 1);
    await ctx.page.waitForTimeout(2500); // two more batching intervals: nothing is sent twice
    expect(buttonCount(await usage(ctx.env.server.url))).toBe(before + 1);
    expect(await ctx.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('analytics')))).toEqual([]);
  });

  it('loses nothing while the server is down: the batch waits in localStorage over a reload', async () => {
    await openApp(ctx.page, ctx.env.server.url, 'browserTestA');
    const before = buttonCount(await settledUsage(ctx.env.server.url));
    let refused = 0;
    await ctx.page.route(REPORT_ROUTE, (route) => {
      refused++;
      return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ message: 'down for the test' }) });
    });
    for (let i = 0; i < 3; i++) await ctx.page.click(subj('btReportUiMetric'));
    await ctx.page.waitForFunction(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('button_clicked')));
    const deadline = Date.now() + 10000;
    while (refused === 0 && Date.now() < deadline) await ctx.page.waitForTimeout(100);
    expect(refused).toBeGreaterThan(0);
    expect(buttonCount(await usage(ctx.env.server.url))).toBe(before);

    // Another tab of the same browser (same localStorage) leaves this tab's batch alone: sent once, later.
    const other = await ctx.page.context().newPage();
    await openApp(other, ctx.env.server.url, 'browserTestB');
    await other.waitForTimeout(2500);
    expect(buttonCount(await usage(ctx.env.server.url))).toBe(before);
    await other.close();

    // The server is back, but the ctx.page reloads before the retry: the next ctx.page sends what was stored.
    await ctx.page.unroute(REPORT_ROUTE);
    await ctx.page.reload();
    await ctx.page.waitForSelector(subj('btReportUiMetric'));
    await waitForUsage(ctx.env.server.url, (s) => buttonCount(s) >= before + 3);
    await ctx.page.waitForTimeout(2500);
    expect(buttonCount(await usage(ctx.env.server.url))).toBe(before + 3);
  });
});
