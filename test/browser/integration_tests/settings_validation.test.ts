/*
 * Advanced Settings in Chromium: values checked in the browser before saving, with messages people can
 * read, and a question before leaving the page with unsaved changes (in-app navigation and unload).
 */
import { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { subj, useBrowserEnv } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
const LIFETIME = 'notifications:lifetime:info';
const PAGE_SIZE = 'browserTest:pageSize';
const field = (key: string) => subj(`advancedSetting-editField-${key}`);
const errorOf = (key: string) => `${subj(`advancedSetting-row-${key}`)} .euiFormErrorText`;
const saveButton = subj('advancedSetting-saveButton');

async function openSettings(page: Page, url: string) {
  await page.goto(`${url}${SETTINGS_URL}`);
  await page.waitForSelector(field(PAGE_SIZE));
}

/** Replaces an editor's text by typing, key by key, as a person does. */
async function typeInto(page: Page, selector: string, text: string) {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.locator(selector).pressSequentially(text);
}

const storedSettings = async (url: string) => (await api(`${url}/api/opensearch-dashboards/settings`)).body.settings;

describe('Advanced Settings validation, in Chromium', () => {
  const ctx = useBrowserEnv();

  it("refuses a value out of the setting's bounds before saving, in words derived from its schema", async () => {
    const { page } = ctx;
    await openSettings(page, ctx.env.server.url);
    // `schema.oneOf([schema.number({ min: 0 }), schema.literal('Infinity')])` reaches the page as checks.
    await typeInto(page, field(LIFETIME), '-5');
    expect(await page.textContent(errorOf(LIFETIME))).toBe('Must be 0 or more');
    expect(await page.getAttribute(field(LIFETIME), 'aria-invalid')).toBe('true');
    // The message is read out with the editor.
    const errorId = await page.getAttribute(errorOf(LIFETIME), 'id');
    expect((await page.getAttribute(field(LIFETIME), 'aria-describedby'))?.split(' ')).toContain(errorId);
    expect(await page.isDisabled(saveButton)).toBe(true);

    await typeInto(page, field(LIFETIME), 'soon');
    expect(await page.textContent(errorOf(LIFETIME))).toBe('Must be a number or "Infinity"');
    // The text stays as typed: refused, never emptied.
    expect(await page.inputValue(field(LIFETIME))).toBe('soon');

    await typeInto(page, field(LIFETIME), '2500');
    await page.waitForSelector(errorOf(LIFETIME), { state: 'detached' });
    await page.click(saveButton);
    await page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect((await storedSettings(ctx.env.server.url))[LIFETIME]).toEqual({ userValue: 2500 });
    await api(`${ctx.env.server.url}/api/opensearch-dashboards/settings/${LIFETIME}`, 'DELETE');
    expect(ctx.watched.errors).toEqual([]);
  });

  it('refuses text a number field cannot read, with a message, and invalid JSON', async () => {
    const { page } = ctx;
    await openSettings(page, ctx.env.server.url);
    expect(await page.getAttribute(field(PAGE_SIZE), 'type')).toBe('number');
    // "1e" is no number: the browser reports an empty value with `validity.badInput`.
    await typeInto(page, field(PAGE_SIZE), '1e');
    expect(await page.textContent(errorOf(PAGE_SIZE))).toBe('Must be a number');
    expect(await page.$eval(field(PAGE_SIZE), (input) => (input as HTMLInputElement).validity.badInput)).toBe(true);
    expect(await page.isDisabled(saveButton)).toBe(true);

    await typeInto(page, field('browserTest:options'), '{"a":');
    expect(await page.textContent(errorOf('browserTest:options'))).toMatch(/^Must be valid JSON/);
    await page.click(subj('advancedSetting-cancelButton'));
    await page.waitForSelector(subj('advancedSetting-bottomBar'), { state: 'detached' });
    expect(await page.inputValue(field(PAGE_SIZE))).toBe('10');
  });

  it('asks before leaving for another app with unsaved changes: Stay keeps them, Leave goes with one history entry', async () => {
    const { page } = ctx;
    await openSettings(page, ctx.env.server.url);
    await typeInto(page, field(PAGE_SIZE), '42');
    await page.waitForSelector(subj('advancedSetting-bottomBar'));
    const entries = await page.evaluate(() => window.history.length);

    await page.click(subj('appLink-browserTestA'));
    await page.waitForSelector(subj('confirmModal'));
    expect(await page.textContent(subj('confirmModal'))).toContain('Your changes in Advanced settings are not saved');
    await page.click(subj('confirmModalCancelButton'));
    await page.waitForSelector(subj('confirmModal'), { state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(SETTINGS_URL);
    expect(await page.inputValue(field(PAGE_SIZE))).toBe('42');

    // Another section of the same app asks too.
    await page.click(subj('managementNavLink-users'));
    await page.waitForSelector(subj('confirmModal'));
    await page.click(subj('confirmModalCancelButton'));
    expect(new URL(page.url()).pathname).toBe(SETTINGS_URL);

    await page.click(subj('appLink-browserTestA'));
    await page.click(subj('confirmModalConfirmButton'));
    await page.waitForSelector(`${subj('btTitle')}:has-text("Browser test app A")`);
    expect(await page.evaluate(() => window.history.length)).toBe(entries + 1);
    expect((await storedSettings(ctx.env.server.url))[PAGE_SIZE]).toBeUndefined();

    // Nothing unsaved any more: the next move does not ask.
    await page.click(subj('appLink-management'));
    await page.waitForSelector(field(PAGE_SIZE));
    await page.click(subj('appLink-home'));
    await page.waitForSelector(subj('homeApp'));
    expect(ctx.watched.errors).toEqual([]);
  });

  it('asks before the page unloads with unsaved changes (the browser prompt), and not without', async () => {
    const { page } = ctx;
    await openSettings(page, ctx.env.server.url);
    await typeInto(page, field(PAGE_SIZE), '42');
    await page.waitForSelector(subj('advancedSetting-bottomBar'));

    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      // Dismissing the first prompt keeps the page; accepting the second lets the reload go.
      void (dialogs.length === 1 ? dialog.dismiss() : dialog.accept());
    });
    await page.reload({ timeout: 2000 }).catch(() => undefined);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await page.inputValue(field(PAGE_SIZE))).toBe('42');

    await page.reload();
    await page.waitForSelector(field(PAGE_SIZE));
    expect(dialogs).toEqual(['beforeunload', 'beforeunload']);
    expect(await page.inputValue(field(PAGE_SIZE))).toBe('10');

    // Saved or untouched: no prompt.
    await page.reload();
    await page.waitForSelector(field(PAGE_SIZE));
    expect(dialogs).toHaveLength(2);
  });
});
