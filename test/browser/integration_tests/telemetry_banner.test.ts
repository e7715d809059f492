/*
 * The opt-in banner follows the page's one telemetry state in Chromium: a choice made anywhere in the page
 * takes it down at once, and its buttons never overwrite a choice made in another tab. Each block starts
 * undecided (a fresh install); telemetry is sent nowhere (a closed local port).
 */
import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { startBrowserEnv, subj, useBrowserEnv } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
const start = () => startBrowserEnv({ args: ['--telemetry.url=http://127.0.0.1:9/send', '--telemetry.optInStatusUrl=http://127.0.0.1:9/opt_in_status'] });
const optInState = async (url: string) => (await api(`${url}/api/telemetry/v2/state`)).body.optIn;

async function openSettingsWithBanner(page: Page, url: string) {
  await page.goto(`${url}${SETTINGS_URL}`);
  await page.waitForSelector(subj('telemetryOptInBanner'));
  await page.waitForSelector(`${subj('telemetryOptInSwitch')}[aria-checked="false"]`);
}

describe('the opt-in banner and the Usage Data switch in one page, in Chromium', () => {
  const ctx = useBrowserEnv(start);

  it('goes away as soon as the switch decides, without a reload', async () => {
    const { page } = ctx;
    await openSettingsWithBanner(page, ctx.env.server.url);
    await page.click(subj('telemetryOptInSwitch'));
    await page.waitForSelector(subj('telemetryOptInBanner'), { state: 'detached' });
    await page.waitForSelector(`${subj('telemetryOptInSwitch')}[aria-checked="true"]`);
    expect(await optInState(ctx.env.server.url)).toBe(true);
    // Still gone in the other apps of the same page.
    await page.click(subj('appLink-home'));
    await page.waitForSelector(subj('homeApp'));
    expect(await page.isVisible(subj('telemetryOptInBanner'))).toBe(false);
    expect(ctx.watched.errors).toEqual([]);
  });
});

describe('the opt-in banner after a choice in another tab, in Chromium', () => {
  const ctx = useBrowserEnv(start);

  it('keeps the other tab\'s choice when its Disable is clicked, and says so', async () => {
    const { page } = ctx;
    await openSettingsWithBanner(page, ctx.env.server.url);
    const other = await page.context().newPage();
    await openSettingsWithBanner(other, ctx.env.server.url);
    await other.click(subj('telemetryOptInSwitch'));
    await other.waitForSelector(`${subj('telemetryOptInSwitch')}[aria-checked="true"]`);
    await other.close();
    expect(await optInState(ctx.env.server.url)).toBe(true);

    // This tab still shows its banner (it was put up before); its Disable must not undo the choice.
    await page.click(subj('telemetryOptInDisable'));
    await page.waitForSelector(subj('telemetryAlreadyDecidedToast'));
    expect(await page.textContent(subj('telemetryAlreadyDecidedToast'))).toContain('Usage data collection is already turned on');
    await page.waitForSelector(subj('telemetryOptInBanner'), { state: 'detached' });
    expect(await optInState(ctx.env.server.url)).toBe(true);
    // The page's own state followed: the switch shows the kept choice.
    await page.waitForSelector(`${subj('telemetryOptInSwitch')}[aria-checked="true"]`);
    expect(ctx.watched.errors).toEqual([]);
  });
});
