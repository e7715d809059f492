/*
 * The Usage insights app in Chromium with real data (written into the store before the server starts): every
 * chart and table renders from the API, the date range switches the window, and each chart is saved as a
 * screenshot in the light and the dark theme (test-output/browser/usage_insights_*). Management links to
 * it; a viewer gets the "admin role" page and no link.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { api } from '../../harness/osd_server';
import { BROWSER_OUTPUT_DIR, openPage, startBrowserEnv, subj, useBrowserEnv, waitForChrome } from '../browser_harness';
import {
  appDay,
  dayBefore,
  ledgerReport,
  seedInsightsEmbedded,
  uiMetric,
  uiMetricDay,
  usageCounter,
  type SeedObject,
} from '../../../src/plugins/usage_insights/server/integration_tests/seed_insights';

const APP_PATH = '/app/usage_insights';
const VIEWER = { username: 'insights-viewer', password: 'viewer-password' };
const NOW = Date.now();
const day = (ago: number) => dayBefore(NOW, ago);
const APPS = ['discover', 'dashboards', 'visualize', 'management', 'alerting', 'notebooks'];
const PANELS = ['insightsApplications', 'insightsUiEvents', 'insightsCounters', 'insightsReports', 'insightsCollectors'];

function seedData(): SeedObject[] {
  const objects: SeedObject[] = [];
  APPS.forEach((app, a) => {
    for (let d = 0; d < 90; d++) {
      if ((a + d) % 7 === 6) continue; // days without use
      objects.push(appDay(app, day(d), ((a + 1) * (1 + ((d * 3) % 11))) / 4, (a + 1) * (1 + ((d + a) % 9))));
    }
  });
  for (let e = 0; e < 25; e++) {
    const app = APPS[e % APPS.length];
    objects.push(uiMetric(app, `event_${e}`, 1000 - e * 37));
    for (let d = 0; d < 40; d += 3) objects.push(uiMetricDay(app, `event_${e}`, day(d), 1 + ((e + d) % 5)));
  }
  for (const [domain, names] of [['core', ['saved_objects.get', 'settings.post']], ['dashboards', ['open']], ['alerting', ['monitor_run']]] as const) {
    names.forEach((name, n) => {
      for (let d = 0; d < 30; d++) objects.push(usageCounter(domain, name, day(d), 1 + ((d * (n + 2)) % 13)));
    });
  }
  for (let r = 0; r < 14; r++) {
    const status = r % 5 === 3 ? 'failed' : r === 13 ? 'generated' : 'sent';
    objects.push(ledgerReport(`report-${r}`, new Date(NOW - (14 - r) * 86400000).toISOString(), status, 30000 + r * 1500));
  }
  return objects;
}

/** Waits for every panel to leave its loading state, and for the charts to have drawn their bars. */
async function waitForInsights(page: Page) {
  await page.waitForSelector(subj('usageInsightsApp'));
  for (const panel of PANELS) await page.waitForSelector(`${subj(panel)}:not(:has([data-test-subj="${panel}-loading"]))`);
  for (const chart of ['insightsMinutesChart', 'insightsClicksChart', 'insightsCountersChart', 'insightsReportsChart']) {
    // A bar: a filled path (grid and axis lines are unfilled).
    await page.waitForSelector(`${subj(chart)} svg path:not([fill="none"])`, { state: 'attached' });
  }
}

/** Saves a screenshot of each panel as usage_insights_<panel>_<theme>.png. */
async function shootPanels(page: Page, theme: 'light' | 'dark') {
  mkdirSync(BROWSER_OUTPUT_DIR, { recursive: true });
  const shots = {
    applications: 'insightsApplications',
    ui_events: 'insightsUiEvents',
    usage_counters: 'insightsCounters',
    reports: 'insightsReports',
    collectors: 'insightsCollectors',
  };
  for (const [name, panel] of Object.entries(shots)) {
    await page.locator(subj(panel)).screenshot({ path: join(BROWSER_OUTPUT_DIR, `usage_insights_${name}_${theme}.png`) });
  }
}

/** The fill colours of a chart's text (axis labels, legend), to tell which theme it was drawn for. */
const textFills = (page: Page, chart: string) =>
  page.locator(`${subj(chart)} svg text`).evaluateAll((els) => [...new Set(els.map((e) => (e.getAttribute('fill') ?? '').toUpperCase()))]);

describe('Usage insights in Chromium (security on, real data)', () => {
  const dataPath = mkdtempSync(join(tmpdir(), 'osd-insights-'));
  const ctx = useBrowserEnv(async () => {
    await seedInsightsEmbedded(dataPath, seedData());
    const env = await startBrowserEnv({ dataPath });
    const created = await api(`${env.server.url}/api/security/users/${VIEWER.username}`, 'PUT', { password: VIEWER.password, roles: ['viewer'] });
    if (created.status !== 200) throw new Error(`could not create the viewer: ${created.status} ${created.text}`);
    return env;
  });
  afterAll(() => rmSync(dataPath, { recursive: true, force: true }));

  it('renders every chart and table from the API, switches the date range, in the light and the dark theme', async () => {
    const { page, watched } = ctx;
    const { url } = ctx.env.server;
    await page.goto(`${url}${APP_PATH}`);
    await waitForChrome(page);
    await waitForInsights(page);
    expect(await page.title()).toContain('Usage insights');

    // 30 days by default: one bar group per day on the application charts.
    expect(await page.textContent(`${subj('insightsDateRange')} .euiButtonGroupButton-isSelected`)).toBe('Last 30 days');
    const month = (await api(`${url}/api/usage_insights/applications?days=30`)).body;
    expect(month.apps.map((a: { appId: string }) => a.appId).sort()).toEqual([...APPS].sort());
    // The legend names the applications of the API's answer.
    const legend = await page.locator(`${subj('insightsMinutesChart')} svg text`).allTextContents();
    for (const app of APPS) expect(legend).toContain(app);

    // The UI events table shows the API's numbers.
    const events = (await api(`${url}/api/usage_insights/ui_events?limit=20`)).body.events;
    const top = events[0];
    const row = page.locator(subj(`uiEventRow-${top.appName}:${top.eventName}`));
    const cells = await row.locator('td').allTextContents();
    expect(cells.join(' ')).toContain(top.allTime.toLocaleString('en-US'));
    expect(cells.join(' ')).toContain(String(top.last30Days));
    expect(await page.locator('[data-test-subj^="uiEventRow-"]').count()).toBe(20);
    // Collector health lists the registered collectors with a status each.
    await page.waitForSelector(subj('collectorRow-ui_metric'));

    // Last 7 days: the window goes into the URL and the charts are redrawn from the 7-day answer.
    const answered = page.waitForResponse((r) => r.url().includes('/api/usage_insights/applications?days=7') && r.status() === 200);
    await page.click(subj('insightsRange-7'));
    await answered;
    await waitForInsights(page);
    expect(new URL(page.url()).search).toBe('?days=7');
    await page.click(subj('insightsRange-90'));
    await page.waitForFunction(() => window.location.search === '?days=90');
    await waitForInsights(page);
    const lightFills = await textFills(page, 'insightsMinutesChart');
    expect(lightFills).toContain('#343741');
    await shootPanels(page, 'light');

    // Dark theme: the page reloads with OUI's dark stylesheet and the charts take the dark text colour.
    expect((await api(`${url}/api/opensearch-dashboards/settings`, 'POST', { changes: { 'theme:darkMode': true } })).status).toBe(200);
    try {
      await page.reload();
      await waitForInsights(page);
      expect(new URL(page.url()).search).toBe('?days=90');
      const darkFills = await textFills(page, 'insightsMinutesChart');
      expect(darkFills).toContain('#DFE5EF');
      expect(darkFills).not.toContain('#343741');
      await shootPanels(page, 'dark');
    } finally {
      await api(`${url}/api/opensearch-dashboards/settings`, 'POST', { changes: { 'theme:darkMode': null } });
    }
    expect(watched.errors).toEqual([]);
  });

  it('is linked from Management', async () => {
    const { page } = ctx;
    await page.goto(`${ctx.env.server.url}/app/management/opensearch-dashboards/settings`);
    await page.click(subj('managementNavLink-usage_insights'));
    await page.waitForSelector(subj('usageInsightsOpenApp'));
    expect(await page.getAttribute(subj('usageInsightsOpenApp'), 'href')).toBe(APP_PATH);
    await page.click(subj('usageInsightsOpenApp'));
    await waitForInsights(page);
    expect(new URL(page.url()).pathname).toBe(APP_PATH);
  });

  it('tells a viewer the admin role is needed, and shows no link to it', async () => {
    const viewer = await openPage(ctx.env.browser, { server: ctx.env.server.url, auth: VIEWER });
    try {
      const { page } = viewer;
      const calls: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/usage_insights/')) calls.push(r.url());
      });
      await page.goto(`${ctx.env.server.url}${APP_PATH}`);
      await waitForChrome(page);
      expect(await page.textContent(subj('usageInsightsNoAccessMessage'))).toBe('You need the admin role to see usage insights.');
      await page.locator(subj('usageInsightsNoAccess')).screenshot({ path: join(BROWSER_OUTPUT_DIR, 'usage_insights_viewer.png') });
      expect(calls).toEqual([]);
      await page.goto(`${ctx.env.server.url}/app/management/opensearch-dashboards/settings`);
      await page.waitForSelector(subj('managementNavLink-settings'));
      expect(await page.locator(subj('managementNavLink-usage_insights')).count()).toBe(0);
    } finally {
      await viewer.page.context().close();
    }
  });
});
