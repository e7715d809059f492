/*
 * What a viewer (a user without ui_settings:write or telemetry:opt_in) sees with security on: Advanced
 * Settings read-only, the Usage Data switch disabled with the reason, no opt-in banner. The server refuses
 * the same writes (src/plugins/security/server/integration_tests/access.test.ts); here the UI says so first.
 */
import { api } from '../../harness/osd_server';
import { saveScreenshot, startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';

const SETTINGS_PATH = '/app/management/opensearch-dashboards/settings';

describe('a viewer in Chromium (security on)', () => {
  const ctx = useBrowserEnv(async () => {
    const env = await startBrowserEnv();
    const created = await api(`${env.server.url}/api/security/users/viewer`, 'PUT', { password: 'viewer-password', roles: ['viewer'] });
    if (created.status !== 200) throw new Error(`could not create the viewer: ${created.status} ${created.text}`);
    return env;
  }, { auth: false });

  it('sees Advanced Settings read-only and the Usage Data switch disabled with the reason, and no opt-in banner', async () => {
    const { page } = ctx;
    await page.goto(`${ctx.env.server.url}${SETTINGS_PATH}`);
    await page.waitForSelector(subj('loginSubmit'));
    await page.fill(subj('loginUsername'), 'viewer');
    await page.fill(subj('loginPassword'), 'viewer-password');
    await page.click(subj('loginSubmit'));
    await waitForChrome(page);
    await page.waitForSelector(subj('telemetryManagementSection'));

    // Every setting's editor is disabled: the viewer may read the values, not change them.
    const editors = page.locator('[data-test-subj^="advancedSetting-editField-"]');
    expect(await editors.count()).toBeGreaterThan(0);
    for (const editor of await editors.all()) expect(await editor.isDisabled()).toBe(true);

    expect(await page.getAttribute(subj('telemetryOptInSwitch'), 'disabled')).not.toBeNull();
    expect(await page.textContent(subj('telemetryLockedMessage'))).toContain('Changing usage data collection needs the admin role.');
    // The example report is for those who may read it: no link, a sentence instead.
    expect(await page.locator(subj('telemetryExampleLink')).count()).toBe(0);
    expect(await page.textContent(subj('telemetryExampleAdminOnly'))).toBe('An admin can see an example of what is collected.');
    // A fresh install is undecided, yet the banner asks only users who may answer.
    expect(await page.locator(subj('telemetryOptInBanner')).count()).toBe(0);
    await saveScreenshot(page, 'viewer_settings');
    expect(ctx.watched.errors).toEqual([]);
  });
});
