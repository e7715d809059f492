import { Page, Route } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { startBrowserEnv, subj, useBrowserEnv } from '../browser_harness';

/*
 * The browser reporter against a server that answers 429 with `Retry-After` (the route is answered by the
 * test, so this does not depend on the server's own rate limit): it waits, keeps and merges the batch, also
 * over a reload, and the server counts every click exactly once.
 */
const REPORT_ROUTE = '**/api/ui_metric/report';

async function buttonCount(url: string): Promise<number> {
  const { status, body } = await api(`${url}/api/stats?extended=true`);
  if (status !== 200) throw new Error(`/api/stats answered ${status}`);
  return body.usage.ui_metric?.browserTest?.find((e: { key: string }) => e.key === 'button_clicked')?.value ?? 0;
}

/** The count once it stopped changing (pages of earlier tests send their last batch as they close). */
async function settledCount(url: string): Promise<number> {
  let previous = await buttonCount(url);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    const current = await buttonCount(url);
    if (current === previous) return current;
    previous = current;
  }
  throw new Error('usage kept changing');
}

async function waitForCount(url: string, expected: number, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await buttonCount(url)) >= expected) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the count never reached ${expected}`);
}

async function waitUntil(check: () => boolean, page: Page, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await page.waitForTimeout(50);
  }
}

async function openApp(page: Page, url: string) {
  await page.goto(`${url}/app/browserTestA`);
  await page.waitForSelector(subj('btReportUiMetric'));
}

/** Answers every report with 429 and `Retry-After`; remembers when each came and its click count. */
async function rateLimit(page: Page, retryAfterS: number) {
  const refused: Array<{ at: number; clicks: number }> = [];
  await page.route(REPORT_ROUTE, (route: Route) => {
    const report = route.request().postDataJSON().report;
    refused.push({ at: Date.now(), clicks: report.uiStatsMetrics?.['browserTest-click-button_clicked']?.stats.sum ?? 0 });
    return route.fulfill({
      status: 429,
      headers: { 'Retry-After': String(retryAfterS) },
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'Too many ui metric reports' }),
    });
  });
  return refused;
}

describe('the ui metric reporter honours Retry-After, in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv({ args: ['--usageCollection.uiMetric.batchingIntervalInS=1'] }));

  it('on 429 waits Retry-After between tries, merges new clicks in, and the server counts each once', async () => {
    const url = ctx.env.server.url;
    await openApp(ctx.page, url);
    const before = await settledCount(url);
    const refused = await rateLimit(ctx.page, 3);
    await ctx.page.click(subj('btReportUiMetric'));
    await ctx.page.click(subj('btReportUiMetric'));
    await waitUntil(() => refused.some((r) => r.clicks > 0), ctx.page);
    await ctx.page.click(subj('btReportUiMetric'));
    await waitUntil(() => refused.filter((r) => r.clicks > 0).length >= 3, ctx.page, 20000);
    const tries = refused.filter((r) => r.clicks > 0);
    for (let i = 1; i < tries.length; i++) expect(tries[i].at - tries[i - 1].at).toBeGreaterThanOrEqual(3000);
    expect(tries[tries.length - 1].clicks).toBe(3);
    expect(await buttonCount(url)).toBe(before);

    await ctx.page.unroute(REPORT_ROUTE);
    await waitForCount(url, before + 3);
    await ctx.page.waitForTimeout(2500); // more batching intervals: nothing is sent twice
    expect(await buttonCount(url)).toBe(before + 3);
    expect(await ctx.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('analytics')))).toEqual([]);
  });

  it('a reload during the wait sends nothing on the way out, and the next page waits out the rest', async () => {
    const url = ctx.env.server.url;
    await openApp(ctx.page, url);
    const before = await settledCount(url);
    const refused = await rateLimit(ctx.page, 6);
    await ctx.page.click(subj('btReportUiMetric'));
    await ctx.page.click(subj('btReportUiMetric'));
    await waitUntil(() => refused.some((r) => r.clicks > 0), ctx.page);
    const refusedAt = refused.find((r) => r.clicks > 0)!.at;

    // The server would take reports again, but asked for 6 s: neither the leaving page nor the next one sends sooner.
    await ctx.page.unroute(REPORT_ROUTE);
    const sent: number[] = [];
    ctx.page.on('request', (request) => {
      if (request.url().endsWith('/api/ui_metric/report')) sent.push(Date.now());
    });
    await ctx.page.reload();
    await ctx.page.waitForSelector(subj('btReportUiMetric'));
    expect(await ctx.page.evaluate(() => Object.values(localStorage).some((v) => v.includes('button_clicked')))).toBe(true);
    await waitForCount(url, before + 2);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0] - refusedAt).toBeGreaterThanOrEqual(6000);
    await ctx.page.waitForTimeout(2500);
    expect(await buttonCount(url)).toBe(before + 2);
  });
});
