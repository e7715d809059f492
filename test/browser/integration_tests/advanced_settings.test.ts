import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { saveScreenshot, subj, useBrowserEnv } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
const PAGE_SIZE = 'browserTest:pageSize';
const field = (key: string) => subj(`advancedSetting-editField-${key}`);

async function openSettings(page: Page, url: string) {
  await page.goto(`${url}${SETTINGS_URL}`);
  await page.waitForSelector(field(PAGE_SIZE));
}

describe('Advanced Settings, in Chromium', () => {
  const ctx = useBrowserEnv();

  it('lists the settings a plugin registered, by category, with an editor per type and the registered subtitle', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    expect(await ctx.page.title()).toBe('Advanced settings - Dashboards Management - OpenSearch Dashboards');
    expect(await ctx.page.textContent(subj('managementSettingsTitle'))).toBe('Advanced settings');
    expect(await ctx.page.isVisible(subj('browserTestSubtitle'))).toBe(true);
    const category = subj('advancedSettingsCategory-browserTest');
    expect(await ctx.page.textContent(`${category} h2`)).toBe('BrowserTest');
    expect(await ctx.page.inputValue(field(PAGE_SIZE))).toBe('10');
    expect(await ctx.page.getAttribute(field(PAGE_SIZE), 'type')).toBe('number');
    expect(await ctx.page.getAttribute(field('browserTest:enabled'), 'role')).toBe('switch');
    expect(await ctx.page.evaluate((s) => document.querySelector(s)!.tagName, field('browserTest:color'))).toBe('SELECT');
    expect(await ctx.page.evaluate((s) => document.querySelector(s)!.tagName, field('browserTest:options'))).toBe('TEXTAREA');
    expect(await ctx.page.inputValue(field('browserTest:title'))).toBe('Test title');
    expect(await ctx.page.textContent(subj('breadcrumbs'))).toContain('Dashboards Management');
    const path = await saveScreenshot(ctx.page, 'advanced_settings');
    expect(path).toMatch(/test-output\/browser\/advanced_settings\.png$/);
    expect(ctx.watched.errors).toEqual([]);
  });

  it('filters with the search box', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    // Typed key by key: the search runs as you type (on key up).
    const search = ctx.page.locator(subj('settingsSearchBar'));
    await search.pressSequentially('browser test color');
    await ctx.page.waitForSelector(field(PAGE_SIZE), { state: 'detached' });
    expect(await ctx.page.isVisible(field('browserTest:color'))).toBe(true);
    expect(await ctx.page.textContent(subj('advancedSettingsCategory-browserTest'))).toContain('Search terms are hiding 4 settings');
    await search.fill('');
    await search.pressSequentially('no setting is called like this');
    await ctx.page.waitForSelector(subj('advancedSettingsNoResults'));
    await ctx.page.click(`${subj('advancedSettingsNoResults')} button`);
    await ctx.page.waitForSelector(field(PAGE_SIZE));
  });

  it('saves a change that survives a reload and a server restart, and cancels another', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    await ctx.page.fill(field(PAGE_SIZE), '42');
    await ctx.page.waitForSelector(subj('advancedSetting-bottomBar'));
    expect(await ctx.page.textContent(subj('advancedSetting-bottomBar'))).toContain('1 unsaved setting');
    await ctx.page.click(subj('advancedSetting-saveButton'));
    await ctx.page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect((await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings`)).body.settings[PAGE_SIZE]).toEqual({ userValue: 42 });

    await ctx.page.reload();
    await ctx.page.waitForSelector(field(PAGE_SIZE));
    expect(await ctx.page.inputValue(field(PAGE_SIZE))).toBe('42');

    // Cancel puts the saved value back.
    await ctx.page.click(field('browserTest:enabled'));
    await ctx.page.waitForSelector(subj('advancedSetting-bottomBar'));
    await ctx.page.click(subj('advancedSetting-cancelButton'));
    await ctx.page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect(await ctx.page.getAttribute(field('browserTest:enabled'), 'aria-checked')).toBe('true');

    await ctx.env.restartServer();
    await openSettings(ctx.page, ctx.env.server.url);
    expect(await ctx.page.inputValue(field(PAGE_SIZE))).toBe('42');

    // Other apps see the saved value through uiSettings.
    await ctx.page.click(subj('appLink-browserTestA'));
    await ctx.page.waitForSelector(`${subj('btPageSize')}:has-text("42")`);

    // "Reset to default" removes the user value.
    await ctx.page.click(subj('appLink-management'));
    await ctx.page.click(subj(`advancedSetting-resetField-${PAGE_SIZE}`));
    expect(await ctx.page.inputValue(field(PAGE_SIZE))).toBe('10');
    await ctx.page.click(subj('advancedSetting-saveButton'));
    await ctx.page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect((await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings`)).body.settings[PAGE_SIZE]).toBeUndefined();
    expect(ctx.watched.errors).toEqual([]);
  });

  it("checks a plugin's setting in the browser from its schema, shows the server's message for what only it refuses, and keeps the stored value", async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    // `browserTest:pageSize` is a number from 1 to 100: the browser says so before anything is sent.
    await ctx.page.fill(field(PAGE_SIZE), '1000');
    const sizeRow = subj(`advancedSetting-row-${PAGE_SIZE}`);
    await ctx.page.waitForSelector(`${sizeRow} .euiFormErrorText:has-text("Must be between 1 and 100")`);
    expect(await ctx.page.isDisabled(subj('advancedSetting-saveButton'))).toBe(true);
    await ctx.page.fill(field(PAGE_SIZE), '10');

    // A string's length is checked by the server only (its schema's maxLength is not sent to the browser).
    const TITLE = 'browserTest:title';
    const row = subj(`advancedSetting-row-${TITLE}`);
    await ctx.page.fill(field(TITLE), 'x'.repeat(41));
    await ctx.page.click(subj('advancedSetting-saveButton'));
    await ctx.page.waitForSelector(`${row} .euiFormErrorText`);
    const message = await ctx.page.textContent(`${row} .euiFormErrorText`);
    expect(message).toContain('[validation [browserTest:title]]: value has length [41] but it must have a maximum length of [40]');
    expect(message).toContain(TITLE);
    await ctx.page.waitForSelector(subj('uiSettingsErrorToast'));
    // The edit stays in the form, marked invalid, and saving waits for a fix.
    expect(await ctx.page.inputValue(field(TITLE))).toBe('x'.repeat(41));
    expect(await ctx.page.isDisabled(subj('advancedSetting-saveButton'))).toBe(true);
    // The bottom bar is fixed to the window: a window-sized shot shows it where it belongs.
    await ctx.page.$eval(row, (element) => element.scrollIntoView({ block: 'center' }));
    await ctx.page.waitForTimeout(500);
    await saveScreenshot(ctx.page, 'advanced_settings_error', { fullPage: false });
    const stored = (await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings`)).body.settings;
    expect([stored[PAGE_SIZE], stored[TITLE]]).toEqual([undefined, undefined]);

    // An editor's own check: invalid JSON never reaches the server.
    await ctx.page.fill(field('browserTest:options'), '{"a":');
    await ctx.page.waitForSelector(`${subj('advancedSetting-row-browserTest:options')} .euiFormErrorText:has-text("Invalid JSON syntax")`);
  });

  it('changes a built-in setting (the default route) as an admin would, and / follows it', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    expect(await ctx.page.textContent(`${subj('advancedSettingsCategory-general')} h2`)).toBe('General');
    expect(await ctx.page.isVisible(field('notifications:lifetime:info'))).toBe(true);
    expect(await ctx.page.inputValue(field('defaultRoute'))).toBe('/app/home');

    await ctx.page.fill(field('defaultRoute'), 'app/browserTestA');
    await ctx.page.click(subj('advancedSetting-saveButton'));
    await ctx.page.waitForSelector(`${subj('advancedSetting-row-defaultRoute')} .euiFormErrorText:has-text("must be a relative URL")`);

    await ctx.page.fill(field('defaultRoute'), '/app/browserTestA');
    await ctx.page.click(subj('advancedSetting-saveButton'));
    await ctx.page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    await ctx.page.reload();
    await ctx.page.waitForSelector(field('defaultRoute'));
    expect(await ctx.page.inputValue(field('defaultRoute'))).toBe('/app/browserTestA');

    await ctx.page.goto(`${ctx.env.server.url}/`);
    await ctx.page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app A")`);
    expect(new URL(ctx.page.url()).pathname).toBe('/app/browserTestA');
    await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings/defaultRoute`, 'DELETE');
    // The browser logs the refused save (HTTP 400) itself; nothing else went wrong.
    expect(ctx.watched.errors).toEqual(['console.error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('saves a JSON setting that needs a reload and offers the reload', async () => {
    await openSettings(ctx.page, ctx.env.server.url);
    await ctx.page.fill(field('browserTest:options'), '{"a":1}');
    await ctx.page.click(subj('advancedSetting-saveButton'));
    await ctx.page.waitForSelector(subj('advancedSettingsReloadToast'));
    expect((await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings`)).body.settings['browserTest:options']).toEqual({ userValue: '{"a":1}' });
  });
});
