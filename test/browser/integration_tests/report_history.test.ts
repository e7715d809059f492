/*
 * Usage Data → "Report history" in Chromium, security on, against a local receiver (loopback only): an
 * admin sees one row per report (time in dateFormat/dateFormat:tz, status, level, size, 8 characters of
 * the SHA-256), opens one to read its exact payload, sees its diff against the previous one, downloads it
 * and exports the ledger (the downloaded files' contents are checked). A viewer, who may not read the
 * ledger, does not get the view. With 30 reports of more than 1 MB the list still loads (metadata only)
 * and opening one works.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Download, Page } from 'playwright-core';
import { api, type OsdServer } from '../../harness/osd_server';
import { startReceiver, type Receiver } from '../../receiver';
import { openPage, saveScreenshot, startBrowserEnv, subj, useBrowserEnv } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
const REPORTS = '/api/telemetry/v2/reports';
const BIG_REPORT_PLUGIN = join(__dirname, '../../../src/plugins/telemetry/server/integration_tests/fixtures/big_report_plugin');
const VIEWER = { username: 'viewer', password: 'viewer-password' };
const MB = 1024 * 1024;
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** Opted in by config, sending to `receiver`; no scheduled report during a suite: every report is asked for. */
const telemetryArgs = (receiver: Receiver) => [
  '--security.enabled=true',
  '--telemetry.optIn=true',
  `--telemetry.url=${receiver.url}/send`,
  `--telemetry.optInStatusUrl=${receiver.url}/opt_in_status`,
  '--telemetry.initialCheckDelay=24d',
];

interface Entry {
  id: string;
  generatedAt: string;
  status: string;
  level: string;
  sizeBytes: number;
  sha256: string;
}

async function sendReports(server: OsdServer, count: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const res = await api(`${server.url}${REPORTS}/_send`, 'POST');
    if (res.status !== 200) throw new Error(`_send answered ${res.status}: ${res.text}`);
    entries.push(res.body.reports[0]);
  }
  return entries;
}

async function openHistory(page: Page, url: string) {
  await page.goto(`${url}${SETTINGS_URL}`);
  await page.waitForSelector(subj('telemetryManagementSection'));
  await page.waitForSelector(`${subj('telemetryReportHistory')} ${subj('telemetryReportTable')}`);
}

/** Every request the page sent under the ledger's routes (method and path). */
function recordLedgerCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(REPORTS)) calls.push(`${request.method()} ${path}`);
  });
  return calls;
}

const downloadedText = async (download: Download) => readFileSync((await download.path())!, 'utf8');

describe('Usage Data → Report history, in Chromium', () => {
  let receiver: Receiver;
  let entries: Entry[];
  const ctx = useBrowserEnv(async () => {
    receiver = await startReceiver();
    const env = await startBrowserEnv({ args: telemetryArgs(receiver) });
    const created = await api(`${env.server.url}/api/security/users/${VIEWER.username}`, 'PUT', { password: VIEWER.password, roles: ['viewer'] });
    if (created.status !== 200) throw new Error(`could not create the viewer: ${created.status} ${created.text}`);
    const settings = await api(`${env.server.url}/api/opensearch-dashboards/settings`, 'POST', { changes: { dateFormat: 'YYYY-MM-DD HH:mm:ss', 'dateFormat:tz': 'UTC' } });
    if (settings.status !== 200) throw new Error(`could not set the date format: ${settings.status} ${settings.text}`);
    entries = await sendReports(env.server, 2);
    return env;
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('lists each report with its time, status, level, size and short hash, fetching no payload', async () => {
    const { page } = ctx;
    const calls = recordLedgerCalls(page);
    await openHistory(page, ctx.env.server.url);
    const rows = await page.locator(`${subj('telemetryReportTable')} [data-test-subj^="reportRow-"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-test-subj')));
    // Newest first.
    expect(rows).toEqual([`reportRow-${entries[1].id}`, `reportRow-${entries[0].id}`]);
    for (const entry of entries) {
      const row = subj(`reportRow-${entry.id}`);
      const text = (await page.textContent(row)) ?? '';
      // dateFormat `YYYY-MM-DD HH:mm:ss` in UTC, computed here without the code under test.
      expect(await page.textContent(subj(`reportTime-${entry.id}`))).toBe(entry.generatedAt.slice(0, 19).replace('T', ' '));
      expect(text).toContain('Sent');
      expect(text).toContain('Full');
      expect(await page.textContent(subj(`reportSha-${entry.id}`))).toBe(entry.sha256.slice(0, 8));
      // What the receiver got.
      expect(receiver.requestsTo('/send').map((r) => sha256(r.body))).toContain(entry.sha256);
    }
    expect(calls).toEqual([`GET ${REPORTS}`]);
    await saveScreenshot(page, 'report_history_list', { fullPage: true });
    expect(ctx.watched.errors).toEqual([]);
  });

  it('opens a report: the exact payload pretty-printed, its diff against the previous one, and a download of its bytes', async () => {
    const { page } = ctx;
    const calls = recordLedgerCalls(page);
    await openHistory(page, ctx.env.server.url);
    const newest = entries[1];
    await page.click(subj(`reportView-${newest.id}`));
    await page.waitForSelector(`${subj('telemetryReportFlyout')} ${subj('telemetryReportPayload')}`);
    const stored = (await api(`${ctx.env.server.url}${REPORTS}/${newest.id}`)).text;
    expect(sha256(stored)).toBe(newest.sha256);
    const pretty = JSON.stringify(JSON.parse(stored), null, 2);
    // A small report fits in the view's window of lines: all of it is rendered, exactly.
    expect(await page.getAttribute(subj('telemetryReportPayload'), 'data-line-count')).toBe(String(pretty.split('\n').length));
    // The lines in view are the payload's own, from its first line.
    const shown = (await page.textContent(`${subj('telemetryReportPayload')} pre`)) ?? '';
    expect(shown.length).toBeGreaterThan(0);
    expect(pretty.startsWith(`${shown}\n`) || pretty === shown).toBe(true);
    expect(calls).toEqual([`GET ${REPORTS}`, `GET ${REPORTS}/${newest.id}`]);

    await page.click(subj('telemetryReportDiffTab'));
    await page.waitForSelector(subj('telemetryReportDiffSummary'));
    const diff = (await api(`${ctx.env.server.url}${REPORTS}/${newest.id}/_diff`)).body;
    expect(diff.against).toBe(entries[0].id);
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(await page.textContent(subj('telemetryReportDiffSummary'))).toBe(`${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} since report ${entries[0].id}.`);
    const timestamp = diff.changes.find((c: { path: string }) => c.path === '/timestamp');
    expect(await page.textContent(`${subj('telemetryReportDiff')} pre`)).toContain(`~ /timestamp: ${JSON.stringify(timestamp.before)} → ${JSON.stringify(timestamp.after)}`);
    expect(calls).toContain(`GET ${REPORTS}/${newest.id}/_diff`);
    await saveScreenshot(page, 'report_history_diff', { fullPage: false });

    await page.click(subj('telemetryReportPayloadTab'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(subj('telemetryReportDownload'))]);
    expect(download.suggestedFilename()).toBe(`telemetry-report-${newest.id}.json`);
    expect(await downloadedText(download)).toBe(stored);
    expect(ctx.watched.errors).toEqual([]);
  });

  it('exports the ledger as the server’s file', async () => {
    const { page } = ctx;
    await openHistory(page, ctx.env.server.url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(subj('telemetryReportExport'))]);
    expect(download.suggestedFilename()).toMatch(/^osd-telemetry-export-\d{8}T\d{6}Z\.json$/);
    const file = JSON.parse(await downloadedText(download));
    expect(file).toMatchObject({ format: 'osd-telemetry-export', version: 1 });
    expect(file.reports.map((r: { id: string }) => r.id)).toEqual([entries[1].id, entries[0].id]);
    for (const report of file.reports) expect(sha256(report.payload)).toBe(report.sha256);
    expect(ctx.watched.errors).toEqual([]);
  });

  it("shows the server's message when the list fails, recovers on retry, and says when there is no report", async () => {
    const { page } = ctx;
    let answer: 'error' | 'empty' = 'error';
    await page.route(`**${REPORTS}`, (route) =>
      answer === 'error'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'The store is closing' }) })
        : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ reports: [] }) })
    );
    await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
    await page.waitForSelector(subj('telemetryReportHistoryError'));
    expect(await page.textContent(subj('telemetryReportHistoryError'))).toContain('The store is closing');
    expect(await page.isDisabled(subj('telemetryReportExport'))).toBe(true);

    answer = 'empty';
    await page.click(subj('telemetryReportHistoryRetry'));
    await page.waitForSelector(subj('telemetryReportHistoryEmpty'));
    expect(await page.textContent(subj('telemetryReportHistoryEmpty'))).toContain('No reports yet');
    expect(await page.isDisabled(subj('telemetryReportExport'))).toBe(true);
    // The 500 was the test's own; the page reported nothing else.
    expect(ctx.watched.errors.filter((e) => !e.includes('500'))).toEqual([]);
  });

  it('is not shown to a viewer, who may not read the ledger (and the page never asks for it)', async () => {
    const { page, errors } = await openPage(ctx.env.browser, { server: ctx.env.server.url, auth: VIEWER });
    try {
      const calls = recordLedgerCalls(page);
      await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
      await page.waitForSelector(subj('telemetryManagementSection'));
      expect(await page.locator(subj('telemetryReportHistory')).count()).toBe(0);
      expect(calls).toEqual([]);
      // The same rule on the server: the capability follows the privilege the routes require.
      const denied = await api(`${ctx.env.server.url}${REPORTS}`, 'GET', undefined, {}, { auth: VIEWER });
      expect(denied.status).toBe(403);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

/** How many lines the payload view renders now (its window), read from the page. */
async function visibleLines(page: Page) {
  return page.evaluate((sel) => (document.querySelector(sel)?.textContent ?? '').split('\n').length, `${subj('telemetryReportPayload')} pre`);
}

describe('Report history with 30 reports of more than 1 MB, in Chromium', () => {
  let receiver: Receiver;
  let entries: Entry[];
  const ctx = useBrowserEnv(async () => {
    receiver = await startReceiver();
    const env = await startBrowserEnv({ args: telemetryArgs(receiver), pluginPaths: [BIG_REPORT_PLUGIN] });
    entries = await sendReports(env.server, 30);
    return env;
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('lists them from metadata alone and opens one, rendering only the lines in view', async () => {
    const { page } = ctx;
    expect(entries.every((e) => e.sizeBytes > MB)).toBe(true);
    const calls = recordLedgerCalls(page);
    const listed = page.waitForResponse((response) => new URL(response.url()).pathname === REPORTS);
    await openHistory(page, ctx.env.server.url);
    expect(await page.locator(`${subj('telemetryReportTable')} [data-test-subj^="reportRow-"]`).count()).toBe(30);
    // The list is metadata: far less than one report, and no payload was asked for.
    expect((await (await listed).body()).length).toBeLessThan(64 * 1024);
    expect(calls).toEqual([`GET ${REPORTS}`]);

    const oldest = entries[0];
    await page.click(subj(`reportView-${oldest.id}`));
    await page.waitForSelector(`${subj('telemetryReportFlyout')} ${subj('telemetryReportPayload')}`);
    const lineCount = Number(await page.getAttribute(subj('telemetryReportPayload'), 'data-line-count'));
    const stored = (await api(`${ctx.env.server.url}${REPORTS}/${oldest.id}`)).text;
    expect(lineCount).toBe(JSON.stringify(JSON.parse(stored), null, 2).split('\n').length);
    // Only a window of the lines is in the page, not the whole report.
    const rendered = await visibleLines(page);
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    expect(lineCount).toBeGreaterThan(rendered * 10);

    // Scrolled to the end, the last lines are rendered.
    await page.evaluate((sel) => {
      const box = document.querySelector(sel) as HTMLElement;
      box.scrollTop = box.scrollHeight;
    }, subj('telemetryReportPayload'));
    const lastLine = JSON.stringify(JSON.parse(stored), null, 2).split('\n').at(-1)!;
    await page.waitForFunction(
      ([sel, last]) => (document.querySelector(sel)?.textContent ?? '').endsWith(last),
      [`${subj('telemetryReportPayload')} pre`, lastLine] as const
    );

    // The page still answers: the diff tab loads and the flyout closes.
    await page.click(subj('telemetryReportDiffTab'));
    await page.waitForSelector(subj('telemetryReportDiffSummary'));
    expect(await page.textContent(subj('telemetryReportDiffSummary'))).toBe('This is the oldest report kept for its cluster: there is nothing to compare it with.');
    await page.keyboard.press('Escape');
    await page.waitForSelector(subj('telemetryReportFlyout'), { state: 'detached' });
    await saveScreenshot(page, 'report_history_30_large', { fullPage: false });
    expect(ctx.watched.errors).toEqual([]);
  });
});
