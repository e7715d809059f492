/*
 * Core's standard settings at work, in Chromium: `theme:darkMode` switched in Advanced Settings loads OUI's
 * dark stylesheet after a reload (and the dark page passes axe); `dateFormat` / `dateFormat:tz` change the
 * times the Users and API keys page shows; a setting fixed by `uiSettings.overrides` is the normal row,
 * locked, with the server-config note.
 */
import { BrowserContext, Page } from 'playwright-core';
import { api, TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../harness/osd_server';
import { BrowserEnv, logInContext, saveScreenshot, startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
const USERS_URL = '/app/management/opensearch-dashboards/users';
const field = (key: string) => subj(`advancedSetting-editField-${key}`);
const OVERRIDDEN_FORMAT = 'YYYY/MM/DD [overridden] HH:mm';

async function openSettings(page: Page, url: string, key: string) {
  await page.goto(`${url}${SETTINGS_URL}`);
  await page.waitForSelector(field(key));
}

/** `YYYY-MM-DD HH:mm:ss` of an instant shifted by `offsetMinutes`, computed without the code under test. */
function wallClock(epochMs: number, offsetMinutes: number) {
  return new Date(epochMs + offsetMinutes * 60000).toISOString().slice(0, 19).replace('T', ' ');
}

async function createApiKey(url: string, name: string) {
  expect((await api(`${url}/api/security/api_keys`, 'POST', { name, roles: ['monitoring'], expiration: '1d' })).status).toBe(200);
  const keys: Array<{ id: string; name: string; creation: number; expiration: number }> = (await api(`${url}/api/security/api_keys`)).body.api_keys;
  return keys.find((k) => k.name === name)!;
}

/** Serious or critical axe findings (WCAG 2.1 A/AA) on the page as it is now, one line each. */
async function blockingAxeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v: any) => v.nodes.map((n: any) => `[${v.impact}] ${v.id}: ${n.target.join(' ')} ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
  });
}

describe('standard UI settings at work, in Chromium', () => {
  const ctx = useBrowserEnv();

  it('switches to the dark theme in Advanced Settings: after a reload the page uses the dark stylesheet', async () => {
    const { page } = ctx;
    const url = ctx.env.server.url;
    await openSettings(page, url, 'theme:darkMode');
    expect(await page.getAttribute('link[data-osd-theme-css]', 'href')).toMatch(/\/oui_light\.css$/);
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(lightBackground).toBe('rgb(250, 251, 253)');
    expect(await page.textContent(subj('advancedSettingsCategory-appearance'))).toContain('Dark mode');

    await page.click(field('theme:darkMode'));
    await page.click(subj('advancedSetting-saveButton'));
    await page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect((await api(`${url}/api/opensearch-dashboards/settings`)).body.settings['theme:darkMode']).toEqual({ userValue: true });

    await page.reload();
    await page.waitForSelector(field('theme:darkMode'));
    expect(await page.getAttribute('link[data-osd-theme-css]', 'href')).toMatch(/\/oui_dark\.css$/);
    expect(await page.locator('link[href$="oui_light.css"]').count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(29, 30, 36)');
    expect(await page.getAttribute(field('theme:darkMode'), 'aria-checked')).toBe('true');
    await saveScreenshot(page, 'advanced_settings_dark');
    expect(ctx.watched.errors).toEqual([]);
  });

  it('the dark settings page passes axe (WCAG 2.1 A/AA, serious and critical)', async () => {
    // axe is injected with a script tag, which the page's CSP refuses: a context of its own bypasses it.
    const context: BrowserContext = await ctx.env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      await logInContext(context, ctx.env.server.url, { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD });
      const page = await context.newPage();
      await openSettings(page, ctx.env.server.url, 'theme:darkMode');
      expect(await page.getAttribute('link[data-osd-theme-css]', 'href')).toMatch(/\/oui_dark\.css$/);
      expect(await blockingAxeFindings(page)).toEqual([]);
    } finally {
      await context.close();
      await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings/theme:darkMode`, 'DELETE');
    }
  });

  it('shows the times of the Users and API keys page in dateFormat and dateFormat:tz', async () => {
    const { page } = ctx;
    const url = ctx.env.server.url;
    const key = await createApiKey(url, 'date-format-key');
    const settings = (changes: Record<string, unknown>) => api(`${url}/api/opensearch-dashboards/settings`, 'POST', { changes });

    // dateFormat through Advanced Settings, the zone through the API (both reach the page the same way).
    await openSettings(page, url, 'dateFormat');
    expect(await page.inputValue(field('dateFormat'))).toBe('MMM D, YYYY @ HH:mm:ss.SSS');
    await page.fill(field('dateFormat'), 'YYYY-MM-DD HH:mm:ss');
    await page.click(subj('advancedSetting-saveButton'));
    await page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect((await settings({ 'dateFormat:tz': 'UTC' })).status).toBe(200);

    const row = subj(`apiKeyRow-${key.id}`);
    await page.goto(`${url}${USERS_URL}`);
    await page.waitForSelector(row);
    let text = await page.textContent(row);
    expect(text).toContain(`${wallClock(key.creation, 0)} by admin`);
    expect(text).toContain(wallClock(key.expiration, 0));

    // Kolkata is UTC+05:30 all year.
    expect((await settings({ 'dateFormat:tz': 'Asia/Kolkata', dateFormat: 'DD.MM.YYYY [at] HH:mm:ss Z' })).status).toBe(200);
    await page.reload();
    await page.waitForSelector(row);
    text = await page.textContent(row);
    const [date, time] = wallClock(key.creation, 330).split(' ');
    const [y, m, d] = date.split('-');
    expect(text).toContain(`${d}.${m}.${y} at ${time} +05:30 by admin`);
    await saveScreenshot(page, 'api_keys_date_format', { fullPage: false });

    await settings({ dateFormat: null, 'dateFormat:tz': null });
    expect(ctx.watched.errors).toEqual([]);
  });
});

describe('a setting fixed by uiSettings.overrides, in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv({ yaml: `uiSettings.overrides:\n  dateFormat: "${OVERRIDDEN_FORMAT}"\n` }));

  it('is the normal setting row, locked, with the server-config note, and the page follows it', async () => {
    const { page } = ctx;
    const url = ctx.env.server.url;
    await openSettings(page, url, 'dateFormat');
    const row = subj('advancedSetting-field-dateFormat');
    expect(await page.textContent(`${row} .mgtAdvancedSettings__fieldTitle`)).toBe('Date format');
    expect(await page.locator(`${row} [aria-label="Custom setting"]`).count()).toBe(0);
    expect(await page.textContent(row)).toContain('When displaying a pretty formatted date');
    expect(await page.inputValue(field('dateFormat'))).toBe(OVERRIDDEN_FORMAT);
    expect(await page.isDisabled(field('dateFormat'))).toBe(true);
    expect(await page.textContent(subj('advancedSetting-overriddenNote-dateFormat'))).toBe(
      'This setting is overridden by the server config (opensearch_dashboards.yml) and cannot be changed.'
    );
    expect(await page.locator(subj('advancedSetting-resetField-dateFormat')).count()).toBe(0);
    // Other settings stay editable.
    expect(await page.isDisabled(field('dateFormat:tz'))).toBe(false);
    await saveScreenshot(page, 'advanced_settings_overridden', { fullPage: false });

    const refused = await api(`${url}/api/opensearch-dashboards/settings/dateFormat`, 'POST', { value: 'YYYY' });
    expect([refused.status, refused.body.message]).toEqual([400, 'Unable to update "dateFormat" because it is overridden']);

    const key = await createApiKey(url, 'override-key');
    expect((await api(`${url}/api/opensearch-dashboards/settings`, 'POST', { changes: { 'dateFormat:tz': 'UTC' } })).status).toBe(200);
    await page.goto(`${url}${USERS_URL}`);
    await waitForChrome(page);
    await page.waitForSelector(subj(`apiKeyRow-${key.id}`));
    const [date, time] = wallClock(key.creation, 0).split(' ');
    expect(await page.textContent(subj(`apiKeyRow-${key.id}`))).toContain(`${date.replace(/-/g, '/')} overridden ${time.slice(0, 5)}`);
    expect(ctx.watched.errors).toEqual([]);
  });
});
