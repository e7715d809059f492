import { Page, Response } from 'playwright-core';
import { anonymousApi, api, TEST_ADMIN_PASSWORD } from '../../harness/osd_server';
import { saveScreenshot, startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';

/** The `<osd-injected-metadata>` of an HTML page. */
function metadataOf(html: string) {
  const attribute = /<osd-injected-metadata data="([^"]*)">/.exec(html)![1];
  return JSON.parse(attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

/** Every answer of 400 or more the page got, as `<status> <path>`. */
function recordFailures(page: Page) {
  const failures: string[] = [];
  page.on('response', (response: Response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return failures;
}

async function logIn(page: Page, username: string, password: string) {
  await page.waitForSelector(subj('loginSubmit'));
  await page.fill(subj('loginUsername'), username);
  await page.fill(subj('loginPassword'), password);
  await page.click(subj('loginSubmit'));
}

const pathAndQuery = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

describe('the login page and the user menu (security on), in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv(), { auth: false });

  it('sends an anonymous visitor to a chromeless, accessible login page that remembers where they were going', async () => {
    const failures = recordFailures(ctx.page);
    await ctx.page.goto(`${ctx.env.server.url}/app/home?tab=1`);
    await ctx.page.waitForSelector(subj('loginUsername'));
    expect(pathAndQuery(ctx.page)).toBe(`/login?next=${encodeURIComponent('/app/home?tab=1')}`);
    expect(await ctx.page.title()).toBe('Log in - OpenSearch Dashboards');
    // Chromeless: no header, and so no app links or user menu.
    expect(await ctx.page.locator(subj('headerGlobalNav')).count()).toBe(0);
    // One main landmark, one h1, and inputs found by their labels.
    expect(await ctx.page.locator('main, [role="main"]').count()).toBe(1);
    expect(await ctx.page.locator('h1').allTextContents()).toEqual(['Log in to OpenSearch Dashboards']);
    expect(await ctx.page.getByLabel('Username').getAttribute('data-test-subj')).toBe('loginUsername');
    expect(await ctx.page.getByLabel('Password').getAttribute('data-test-subj')).toBe('loginPassword');
    await saveScreenshot(ctx.page, 'login');
    // The page needed no session, and no plugin asked the server for anything a session would give.
    expect(failures).toEqual([]);
    expect(ctx.watched.errors).toEqual([]);
  });

  it('renders the login page without the stored user settings and with anonymous capabilities', async () => {
    const { url } = ctx.env.server;
    const saved = await api(`${url}/api/opensearch-dashboards/settings`, 'POST', { changes: { 'notifications:lifetime:info': 4321 } });
    expect(saved.status).toBe(200);
    const home = await api(`${url}/app/home`);
    expect(metadataOf(home.text).uiSettings.user['notifications:lifetime:info']).toEqual({ userValue: 4321 });

    const login = await anonymousApi(`${url}/login?next=%2Fapp%2Fhome`);
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toContain('no-store');
    expect(login.headers.get('content-security-policy')).toContain("script-src 'unsafe-eval' 'self'");
    const metadata = metadataOf(login.text);
    expect(metadata.uiSettings.user).toEqual({});
    expect(metadata.uiSettings.defaults['notifications:lifetime:info']).toMatchObject({ value: 5000 });
    expect(metadata.capabilities.advancedSettings).toEqual({ show: false, save: false });
    expect(metadata.uiPlugins.find((p: { id: string }) => p.id === 'security').config).toEqual({ enabled: true });
  });

  it('says so when the password is wrong, and tells how long to wait once throttled', async () => {
    await ctx.page.goto(`${ctx.env.server.url}/login`);
    await logIn(ctx.page, 'admin', 'not-the-password');
    await ctx.page.waitForSelector(subj('loginError'));
    expect(await ctx.page.textContent(subj('loginError'))).toBe('Invalid username or password');
    expect(await ctx.page.getAttribute(subj('loginError'), 'role')).toBe('alert');
    expect(await ctx.page.inputValue(subj('loginPassword'))).toBe('');
    expect(new URL(ctx.page.url()).pathname).toBe('/login');

    // A user of its own, so the admin is never locked out of the other tests: the fifth failure locks it.
    for (let attempt = 0; attempt < 5; attempt++) {
      await logIn(ctx.page, 'lockme', `wrong-password-${attempt}`);
      await ctx.page.waitForSelector(`${subj('loginSubmit')}:not([disabled])`);
    }
    await logIn(ctx.page, 'lockme', 'wrong-password-5');
    await ctx.page.waitForSelector(`${subj('loginError')}:has-text("Too many failed attempts")`);
    expect(await ctx.page.textContent(subj('loginError'))).toMatch(/^Too many failed attempts\. Try again in \d+ seconds?\.$/);
    expect(ctx.watched.errors.filter((e) => !/40[01] \(|429 \(/.test(e))).toEqual([]);
  });

  it('goes back to `next` after login, shows the user in the header, and logs out for good', async () => {
    const { url } = ctx.env.server;
    const failures = recordFailures(ctx.page);
    await ctx.page.goto(`${url}/app/home?tab=1`);
    await logIn(ctx.page, 'admin', TEST_ADMIN_PASSWORD);
    await ctx.page.waitForSelector(subj('homeApp'));
    expect(pathAndQuery(ctx.page)).toBe('/app/home?tab=1');
    await waitForChrome(ctx.page);
    await ctx.page.waitForSelector(subj('userMenuButton'));
    expect(await ctx.page.textContent(subj('userMenuButton'))).toContain('admin');
    expect(await ctx.page.getAttribute(subj('userMenuButton'), 'aria-label')).toBe('Account menu for admin');

    await ctx.page.click(subj('userMenuButton'));
    await ctx.page.waitForSelector(subj('logoutButton'));
    expect(await ctx.page.textContent(subj('userMenuRoles'))).toBe('Roles: admin');
    await ctx.page.waitForTimeout(300); // the popover's opening animation, for a readable screenshot
    await saveScreenshot(ctx.page, 'user_menu', { fullPage: false });

    const cookie = (await ctx.page.context().cookies()).find((c) => c.name === 'osd_sid');
    expect(cookie?.httpOnly).toBe(true);
    const oldCookie = `osd_sid=${cookie!.value}`;
    expect((await api(`${url}/api/security/me`, 'GET', undefined, { cookie: oldCookie })).status).toBe(200);

    await ctx.page.click(subj('logoutButton'));
    await ctx.page.waitForSelector(subj('loginLoggedOut'));
    expect(new URL(ctx.page.url()).pathname).toBe('/login');
    expect(await ctx.page.textContent(subj('loginLoggedOut'))).toBe('You have logged out.');
    expect((await api(`${url}/api/security/me`, 'GET', undefined, { cookie: oldCookie })).status).toBe(401);
    // The browser dropped the cookie too: a page now leads back to the login page.
    await ctx.page.goto(`${url}/app/home`);
    await ctx.page.waitForSelector(subj('loginUsername'));
    expect(pathAndQuery(ctx.page)).toBe(`/login?next=${encodeURIComponent('/app/home')}`);
    expect(failures.filter((f) => !f.startsWith('401 /api/'))).toEqual([]);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/app/home'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash trick', '/\\evil.example'],
  ])('lands on home when `next` is %s', async (_what, next) => {
    await ctx.page.goto(`${ctx.env.server.url}/login?next=${encodeURIComponent(next)}`);
    await logIn(ctx.page, 'admin', TEST_ADMIN_PASSWORD);
    await ctx.page.waitForSelector(subj('homeApp'));
    expect(new URL(ctx.page.url()).origin).toBe(ctx.env.server.url);
    expect(pathAndQuery(ctx.page)).toBe('/app/home');
  });
});

describe('the pages with security off, in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv({ args: ['--security.enabled=false'] }));

  it('has no login page and no user menu, and never asks who the user is', async () => {
    const securityCalls: string[] = [];
    ctx.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/security/')) securityCalls.push(request.url());
    });
    expect((await anonymousApi(`${ctx.env.server.url}/login`)).status).toBe(404);
    await ctx.page.goto(`${ctx.env.server.url}/app/home`);
    await ctx.page.waitForSelector(subj('homeApp'));
    await waitForChrome(ctx.page);
    // Give a would-be user menu the time to appear.
    await ctx.page.waitForLoadState('networkidle');
    expect(await ctx.page.locator(subj('userMenuButton')).count()).toBe(0);
    expect(securityCalls).toEqual([]);
    expect(ctx.watched.errors).toEqual([]);
  });
});
