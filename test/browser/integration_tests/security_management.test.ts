/*
 * Management → Users and API keys with security on: an admin manages users and API keys in the page, and
 * every change is checked against the server's API (the password logs in, the key authenticates, the
 * revoked key does not). A viewer gets the reason instead of the page, and no link to it.
 */
import { Page } from 'playwright-core';
import { anonymousApi, api, TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../harness/osd_server';
import { saveScreenshot, startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';

const SETTINGS_PATH = '/app/management/opensearch-dashboards/settings';
const USERS_PATH = '/app/management/opensearch-dashboards/users';
const VIEWER = { username: 'viewer', password: 'viewer-password' };

async function logIn(page: Page, url: string, username: string, password: string) {
  await page.goto(url);
  await page.waitForSelector(subj('loginSubmit'));
  await page.fill(subj('loginUsername'), username);
  await page.fill(subj('loginPassword'), password);
  await page.click(subj('loginSubmit'));
  await waitForChrome(page);
}

/** Opens the roles multi-select of a form and picks `roles`. */
async function pickRoles(page: Page, comboBox: string, roles: string[]) {
  for (const role of roles) {
    await page.click(`${subj(comboBox)} input`);
    await page.click(subj(`roleOption-${role}`));
  }
}

/** Every request the page sent to `path` (method and path), to prove what was and was not sent. */
function recordCalls(page: Page, prefix: string) {
  const calls: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith(prefix)) calls.push(`${request.method()} ${path}`);
  });
  return calls;
}

describe('Management → Users and API keys (security on), in Chromium', () => {
  // Anonymous pages (`auth: false`): each test logs in through the login page, as the admin or the viewer.
  const ctx = useBrowserEnv(async () => {
    const env = await startBrowserEnv({ args: ['--security.enabled=true'] });
    const created = await api(`${env.server.url}/api/security/users/${VIEWER.username}`, 'PUT', { password: VIEWER.password, roles: ['viewer'] });
    if (created.status !== 200) throw new Error(`could not create the viewer: ${created.status} ${created.text}`);
    return env;
  }, { auth: false });
  const usersOf = async () => (await api(`${ctx.env.server.url}/api/security/users`)).body.users as Array<{ username: string; roles: string[] }>;

  it('opens from the side nav with one history entry, and creates, changes, resets and deletes a user', async () => {
    const { page } = ctx;
    const { url } = ctx.env.server;
    await logIn(page, `${url}${SETTINGS_PATH}`, TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
    await page.waitForSelector(subj('managementNavLink-users'));
    // After Advanced settings, under "OpenSearch Dashboards".
    const links = await page.locator('[data-test-subj^="managementNavLink-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test-subj')));
    expect(links).toEqual(['managementNavLink-settings', 'managementNavLink-users', 'managementNavLink-usage_insights']);
    expect(await page.getAttribute(subj('managementNavLink-users'), 'href')).toBe(USERS_PATH);
    const entries = await page.evaluate(() => window.history.length);
    await page.click(subj('managementNavLink-users'));
    await page.waitForSelector(`${subj('usersTable')} ${subj('userRow-admin')}`);
    expect(new URL(page.url()).pathname).toBe(USERS_PATH);
    expect(await page.evaluate(() => window.history.length)).toBe(entries + 1);
    expect(await page.title()).toBe('Users and API keys - Dashboards Management - OpenSearch Dashboards');
    expect(await page.textContent(subj('userRoles-admin'))).toBe('admin');

    // The page's own check: a short password never reaches the server.
    const userCalls = recordCalls(page, '/api/security/users/');
    await page.click(subj('createUserButton'));
    await page.fill(subj('userFormUsername'), 'alice');
    await page.fill(subj('userFormPassword'), 'short');
    await pickRoles(page, 'userFormRoles', ['viewer']);
    await page.click(subj('userFormSubmit'));
    await page.waitForSelector(`${subj('userFlyout')} .euiFormErrorText:has-text("Password must be at least 8 characters")`);
    expect(userCalls).toEqual([]);
    await saveScreenshot(page, 'security_management_create_user', { fullPage: false });

    await page.fill(subj('userFormPassword'), 'alice-password');
    await page.click(subj('userFormSubmit'));
    await page.waitForSelector(subj('userFlyout'), { state: 'detached' });
    await page.waitForSelector(subj('userRow-alice'));
    expect(userCalls).toEqual(['PUT /api/security/users/alice']);
    expect((await usersOf()).find((u) => u.username === 'alice')?.roles).toEqual(['viewer']);
    expect(await page.textContent(subj('userRoles-alice'))).toBe('viewer');

    // The route creates or updates: "Create user" with her name must not overwrite her.
    await page.click(subj('createUserButton'));
    await page.fill(subj('userFormUsername'), 'alice');
    await page.fill(subj('userFormPassword'), 'another-password');
    await page.click(subj('userFormSubmit'));
    await page.waitForSelector(`${subj('userFlyout')} .euiFormErrorText:has-text("A user named alice already exists")`);
    await page.click(subj('userFormCancel'));
    await page.waitForSelector(subj('userFlyout'), { state: 'detached' });
    expect(userCalls).toEqual(['PUT /api/security/users/alice']);

    // Change her roles: the form starts from the current ones.
    await page.click(subj('editUserRoles-alice'));
    await page.waitForSelector(subj('userFlyout'));
    expect(await page.locator(subj('userFormPassword')).count()).toBe(0);
    await pickRoles(page, 'userFormRoles', ['monitoring']);
    await page.click(subj('userFormSubmit'));
    await page.waitForSelector(subj('userFlyout'), { state: 'detached' });
    await page.waitForSelector(`${subj('userRoles-alice')}:has-text("monitoring")`);
    expect((await usersOf()).find((u) => u.username === 'alice')?.roles).toEqual(['viewer', 'monitoring']);

    // Reset her password: the new one logs in, the old one no longer does, her roles stay.
    await page.click(subj('resetPassword-alice'));
    await page.waitForSelector(subj('userFlyout'));
    expect(await page.locator(subj('userFormUsername')).count()).toBe(0);
    await page.fill(subj('userFormPassword'), 'alice-new-password');
    await page.click(subj('userFormSubmit'));
    await page.waitForSelector(subj('userFlyout'), { state: 'detached' });
    const login = await anonymousApi(`${url}/api/security/login`, 'POST', { username: 'alice', password: 'alice-new-password' });
    expect([login.status, login.body]).toEqual([200, { username: 'alice', roles: ['viewer', 'monitoring'] }]);
    expect((await anonymousApi(`${url}/api/security/login`, 'POST', { username: 'alice', password: 'alice-password' })).status).toBe(401);

    // Delete her, after a confirm that can be cancelled.
    await page.click(subj('deleteUser-alice'));
    await page.click(subj('confirmModalCancelButton'));
    await page.waitForSelector(subj('confirmDeleteUser'), { state: 'detached' });
    expect((await usersOf()).map((u) => u.username)).toContain('alice');
    await page.click(subj('deleteUser-alice'));
    await page.click(subj('confirmModalConfirmButton'));
    await page.waitForSelector(subj('userRow-alice'), { state: 'detached' });
    expect((await usersOf()).map((u) => u.username)).toEqual(['admin', 'viewer']);
    expect(userCalls).toEqual(['PUT /api/security/users/alice', 'PUT /api/security/users/alice', 'PUT /api/security/users/alice', 'DELETE /api/security/users/alice']);
    expect(ctx.watched.errors).toEqual([]);
  });

  it("shows the server's refusal to delete the last admin", async () => {
    const { page } = ctx;
    await logIn(page, `${ctx.env.server.url}${USERS_PATH}`, TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
    await page.click(subj('deleteUser-admin'));
    await page.click(subj('confirmModalConfirmButton'));
    await page.waitForSelector(subj('usersError'));
    expect(await page.textContent(subj('usersError'))).toBe('cannot delete user [admin]: it is the last user with the [admin] role');
    expect(await page.getAttribute(subj('usersError'), 'role')).toBe('alert');
    expect(await page.locator(subj('userRow-admin')).count()).toBe(1);
    // The browser logs the 409 it got; nothing else may fail.
    expect(ctx.watched.errors.filter((e) => !/status of 409 \(Conflict\)/.test(e))).toEqual([]);
  });

  it('creates an API key, shows its secret once, and revokes it', async () => {
    const { page } = ctx;
    const { url } = ctx.env.server;
    await logIn(page, `${url}${USERS_PATH}`, TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
    await page.waitForSelector(subj('apiKeysTable'));
    await page.click(subj('createApiKeyButton'));
    await page.fill(subj('apiKeyFormName'), 'ci');
    await pickRoles(page, 'apiKeyFormRoles', ['monitoring']);
    await page.fill(subj('apiKeyFormExpiration'), '10s');
    await page.click(subj('apiKeyFormSubmit'));
    await page.waitForSelector(`${subj('apiKeyFlyout')} .euiFormErrorText:has-text("Expiration must be a whole number")`);
    await page.fill(subj('apiKeyFormExpiration'), '1d');
    await page.click(subj('apiKeyFormSubmit'));
    await page.waitForSelector(subj('apiKeySecret'));
    expect(await page.textContent(subj('apiKeyCreated'))).toContain('it will not be shown again');
    const encoded = (await page.textContent(subj('apiKeySecret')))!.trim();
    expect(encoded).toMatch(/^[A-Za-z0-9+/=_-]{20,}$/);
    await saveScreenshot(page, 'security_management_api_key', { fullPage: false });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.click(subj('apiKeySecretCopy'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(encoded);

    const asKey = { authorization: `ApiKey ${encoded}` };
    const me = await api(`${url}/api/security/me`, 'GET', undefined, asKey);
    expect([me.status, me.body]).toEqual([200, { username: 'admin', roles: ['monitoring'], authenticationType: 'api_key' }]);
    const [key] = (await api(`${url}/api/security/api_keys`)).body.api_keys;
    expect(key).toMatchObject({ name: 'ci', roles: ['monitoring'], expired: false });
    await page.waitForSelector(subj(`apiKeyRow-${key.id}`));
    expect(await page.textContent(subj(`apiKeyRow-${key.id}`))).toContain(key.id);

    // Shown once: a fresh page lists the key, never its secret.
    await page.reload();
    await page.waitForSelector(subj(`apiKeyRow-${key.id}`));
    expect(await page.locator(subj('apiKeySecret')).count()).toBe(0);
    expect(await page.content()).not.toContain(encoded);

    await page.click(subj(`revokeApiKey-${key.id}`));
    await page.waitForSelector(subj('confirmRevokeApiKey'));
    await page.click(subj('confirmModalConfirmButton'));
    await page.waitForSelector(subj(`apiKeyRow-${key.id}`), { state: 'detached' });
    expect((await api(`${url}/api/security/me`, 'GET', undefined, asKey)).status).toBe(401);
    expect((await api(`${url}/api/security/api_keys`)).body.api_keys).toEqual([]);
    expect(ctx.watched.errors).toEqual([]);
  });

  it('shows a viewer the reason instead of the page, and no link to it', async () => {
    const { page } = ctx;
    const securityCalls = recordCalls(page, '/api/security/');
    await logIn(page, `${ctx.env.server.url}${USERS_PATH}`, VIEWER.username, VIEWER.password);
    await page.waitForSelector(subj('usersManagementNoAccess'));
    expect(new URL(page.url()).pathname).toBe(USERS_PATH);
    expect(await page.textContent(subj('usersManagementNoAccessMessage'))).toBe('You need the admin role to manage users and API keys.');
    expect(await page.locator(subj('usersTable')).count()).toBe(0);
    expect(await page.locator(subj('apiKeysTable')).count()).toBe(0);
    expect(await page.locator(subj('managementNavLink-settings')).count()).toBe(1);
    expect(await page.locator(subj('managementNavLink-users')).count()).toBe(0);
    await saveScreenshot(page, 'security_management_viewer', { fullPage: false });
    // The page asked only who the user is (the login and the user menu), never for the lists.
    expect(securityCalls.filter((call) => !['POST /api/security/login', 'GET /api/security/me'].includes(call))).toEqual([]);
    expect(ctx.watched.errors).toEqual([]);
  });
});
