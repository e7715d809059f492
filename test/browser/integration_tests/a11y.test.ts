/*
 * Accessibility of every page, in Chromium: axe-core's WCAG 2.1 A and AA rules on each page as a person
 * sees it (the opt-in banner up, the example flyout open, a confirm modal, the login page, the not-found
 * pages). A `serious` or `critical` violation fails the test, listed readably; each page also has exactly
 * one `main` landmark.
 */
import { BrowserContext, Page } from 'playwright-core';
import { api, TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../harness/osd_server';
import { renderNotFoundPage } from '../../../src/core/server/rendering/not_found_page';
import { BrowserEnv, logInContext, saveScreenshot, startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';

const SETTINGS_URL = '/app/management/opensearch-dashboards/settings';
const USERS_URL = '/app/management/opensearch-dashboards/users';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

/**
 * A page of its own context: axe is injected with a `<script>` tag, which the page's CSP (`script-src
 * 'self'`) would refuse, so this context bypasses CSP (the harness's pages do not).
 */
async function openAxePage(env: BrowserEnv, { logIn }: { logIn: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  if (logIn) await logInContext(context, env.server.url, { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return { context, page };
}

/** One line per failing element: impact, rule, what to fix, where. */
function describeViolations(violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => `[${v.impact}] ${v.id}: ${v.help} — ${node.target.join(' ')} — ${node.html.slice(0, 160)} — ${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')} (${v.helpUrl})`)
  );
}

/** Runs axe on the page as it is now; fails on any serious or critical violation, logs the lesser ones. */
async function expectAccessible(page: Page, name: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations: AxeViolation[] = await page.evaluate(async (values) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values } });
    return result.violations;
  }, WCAG_21_AA);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !blocking.includes(v));
  // eslint-disable-next-line no-console
  if (minor.length) console.log(`${name}: minor accessibility findings:\n${describeViolations(minor).join('\n')}`);
  expect({ page: name, violations: describeViolations(blocking) }).toEqual({ page: name, violations: [] });
  expect(await page.evaluate(() => document.querySelectorAll('main, [role="main"]').length)).toBe(1);
}

describe('accessibility of the pages (WCAG 2.1 A/AA, axe-core), in Chromium', () => {
  // A fresh install: the opt-in banner is up.
  const ctx = useBrowserEnv();
  let current: { context: BrowserContext; page: Page };
  beforeEach(async () => {
    current = await openAxePage(ctx.env, { logIn: true });
  });
  afterEach(async () => {
    await current.context.close();
  });

  it('home, with the opt-in banner showing', async () => {
    const { page } = current;
    await page.goto(`${ctx.env.server.url}/app/home`);
    await page.waitForSelector(subj('homeAppCard-management'));
    await page.waitForSelector(subj('telemetryOptInBanner'));
    await expectAccessible(page, 'home');
  });

  it('Management → Advanced settings, with the Usage Data section, and its example flyout', async () => {
    const { page } = current;
    await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
    await page.waitForSelector(subj('telemetryManagementSection'));
    await expectAccessible(page, 'advanced settings');

    await page.click(subj('telemetryExampleLink'));
    await page.waitForSelector(subj('telemetryExampleJson'));
    // Named by its title.
    const flyout = page.locator('[role="dialog"]', { has: page.locator(subj('telemetryExampleJson')) });
    const titleId = await flyout.getAttribute('aria-labelledby');
    expect(await page.textContent(`#${titleId}`)).toBe('Cluster statistics');
    await page.waitForTimeout(500); // the slide-in animation, which would blur the colours axe measures
    await expectAccessible(page, 'example flyout');
  });

  it('the question before leaving Advanced settings with unsaved changes', async () => {
    const { page } = current;
    await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
    await page.fill(subj('advancedSetting-editField-browserTest:pageSize'), '-1');
    await page.click(subj('appLink-home'));
    await page.waitForSelector(subj('confirmModal'));
    await page.waitForTimeout(300);
    await expectAccessible(page, 'leave confirmation');
  });

  it('Users and API keys', async () => {
    const { page } = current;
    await page.goto(`${ctx.env.server.url}${USERS_URL}`);
    await page.waitForSelector(subj('managementSection-users'));
    await page.waitForSelector(`${subj('managementSection-users')} table`);
    await expectAccessible(page, 'users and API keys');
  });

  it('an unknown app, and the page for an unknown address', async () => {
    const { page } = current;
    await page.goto(`${ctx.env.server.url}/app/nope`);
    await page.waitForSelector(subj('appNotFoundPageContent'));
    await waitForChrome(page);
    await expectAccessible(page, 'application not found');

    // The server's "Page not found" page, as rendering makes it (served as is here; see navigation.test.ts).
    await page.route('**/nope-page', (route) =>
      route.fulfill({ status: 404, contentType: 'text/html', body: renderNotFoundPage({ homeHref: '/', faviconUrl: '/ui/favicon.svg' }) })
    );
    await page.goto(`${ctx.env.server.url}/nope-page`);
    await page.waitForSelector(subj('notFoundPage'));
    await expectAccessible(page, 'page not found');
  });
});

describe('accessibility of the Usage Data section locked by config, in Chromium', () => {
  const ctx = useBrowserEnv(() => startBrowserEnv({ args: ['--telemetry.optIn=false', '--telemetry.allowChangingOptInStatus=false'] }));

  it('ties the reason to the disabled switch, so it is read out with it', async () => {
    const { context, page } = await openAxePage(ctx.env, { logIn: true });
    try {
      await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
      await page.waitForSelector(subj('telemetryLockedMessage'));
      const reasonId = await page.getAttribute(subj('telemetryLockedMessage'), 'id');
      expect(reasonId).toBeTruthy();
      expect(await page.getAttribute(subj('telemetryOptInSwitch'), 'aria-describedby')).toBe(reasonId);
      expect(await page.isDisabled(subj('telemetryOptInSwitch'))).toBe(true);
      await expectAccessible(page, 'advanced settings, usage data locked');
    } finally {
      await context.close();
    }
  });
});

describe('accessibility of the Usage Data report history, in Chromium', () => {
  // Reports are generated and kept, never sent (no receiver needed); none on the schedule during the suite.
  const ctx = useBrowserEnv(async () => {
    const env = await startBrowserEnv({ args: ['--telemetry.optIn=true', '--telemetry.generateOnly=true', '--telemetry.initialCheckDelay=24d'] });
    for (let i = 0; i < 2; i++) {
      const sent = await api(`${env.server.url}/api/telemetry/v2/reports/_send`, 'POST');
      if (sent.status !== 200) throw new Error(`_send answered ${sent.status}: ${sent.text}`);
    }
    return env;
  });

  it('the history table, a report flyout and its diff', async () => {
    const { context, page } = await openAxePage(ctx.env, { logIn: true });
    try {
      await page.goto(`${ctx.env.server.url}${SETTINGS_URL}`);
      await page.waitForSelector(`${subj('telemetryReportTable')} [data-test-subj^="reportRow-"]`);
      await expectAccessible(page, 'report history');

      await page.locator('[data-test-subj^="reportView-"]').first().click();
      await page.waitForSelector(subj('telemetryReportPayload'));
      await page.waitForTimeout(500); // the slide-in animation, which would blur the colours axe measures
      await expectAccessible(page, 'report flyout');
      await page.click(subj('telemetryReportDiffTab'));
      await page.waitForSelector(subj('telemetryReportDiffSummary'));
      await expectAccessible(page, 'report diff');
    } finally {
      await context.close();
    }
  });
});

describe('accessibility of the login page (WCAG 2.1 A/AA, axe-core), in Chromium', () => {
  const ctx = useBrowserEnv(undefined, { auth: false });

  it('the login page, and its error message', async () => {
    const { context, page } = await openAxePage(ctx.env, { logIn: false });
    try {
      await page.goto(`${ctx.env.server.url}/app/home`);
      await page.waitForSelector(subj('loginSubmit'));
      await expectAccessible(page, 'login');
      await page.fill(subj('loginUsername'), 'nobody');
      await page.fill(subj('loginPassword'), 'wrong-password');
      await page.click(subj('loginSubmit'));
      await page.waitForSelector(subj('loginError'));
      await page.waitForTimeout(500); // the button's fade back from its loading colours, which axe would measure
      await saveScreenshot(page, 'login_error_a11y', { fullPage: false });
      await expectAccessible(page, 'login with an error');
    } finally {
      await context.close();
    }
  });
});
