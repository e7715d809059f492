/*
 * The fleet page in Debian's Chromium (test/browser's launcher): it renders its charts from the
 * receiver's data with no script and no external asset (a CSP violation would be a console error), and
 * only with the read token. A screenshot goes to test-output/browser/fleet_page.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { BROWSER_OUTPUT_DIR, launchChromium } from '../../../../test/browser/browser_harness';
import { sampleReport } from '../__test_utils__/sample_report';
import { startReceiverProcess, type ReceiverProcess } from './receiver_process';

const TOKEN = 'fleet-page-browser-token-1234';

describe('the fleet page in Chromium', () => {
  let dir: string;
  let receiver: ReceiverProcess;
  let browser: Browser;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receiver-page-'));
    [receiver, browser] = await Promise.all([startReceiverProcess(['--data', dir, '--read-token', TOKEN]), launchChromium()]);
    const post = (report: object) =>
      fetch(`${receiver.url}/v2/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot' },
        body: JSON.stringify(report),
      });
    await post(sampleReport({ clusterUuid: 'page-a', timestamp: '2026-03-01T10:00:00Z', version: '2.18.0' }));
    await post(sampleReport({ clusterUuid: 'page-a', timestamp: '2026-03-02T10:00:00Z', version: '2.19.0' }));
    await post(sampleReport({ clusterUuid: 'page-b', timestamp: '2026-03-02T11:00:00Z', version: '2.19.0' }));
    const tampered: any = sampleReport({ clusterUuid: 'page-c' });
    tampered.stack_stats.opensearch_dashboards.plugins.telemetry['<b>injected</b>'] = true;
    expect((await post(tampered)).status).toBe(422);
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await receiver?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('charts deployments over time, versions, coverage and rejected reports, with no console error', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    const response = await page.goto(`${receiver.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Telemetry fleet');
    expect(await page.locator('[data-total="deployments"]').textContent()).toBe('2');
    expect(await page.locator('[data-total="rejected"]').textContent()).toBe('1');
    expect(await page.locator('svg').count()).toBe(4);
    // One column per day with reports.
    expect(await page.locator('svg[aria-label^="Deployments reporting per day"] rect').count()).toBe(2);
    expect(await page.locator('svg[aria-label^="Deployments by version"] text').allTextContents()).toEqual(expect.arrayContaining(['2.19.0', '2']));
    const row = page.locator('table tbody tr');
    expect(await row.count()).toBe(1);
    // The undeclared field's name is shown as text, never as markup.
    expect(await row.locator('code').nth(1).textContent()).toBe('stack_stats.opensearch_dashboards.plugins.telemetry.<b>injected</b>');
    expect(await page.locator('b').count()).toBe(0);

    mkdirSync(BROWSER_OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(BROWSER_OUTPUT_DIR, 'fleet_page.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([`${receiver.url}/`]);
    await context.close();
  });

  it('answers 401 without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${receiver.url}/`);
    expect(response?.status()).toBe(401);
    await page.close();
  });
});
