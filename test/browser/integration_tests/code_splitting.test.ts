/*
 * The split browser bundle in Chromium (issue #16): the page loads `osd.js` as a module script under the
 * server's Content-Security-Policy, and the Usage insights chunk (the one with ECharts) is requested only by
 * `/app/usage_insights`, not by other pages, not by the insights entry in Management, and is fetched when
 * the app is opened from inside the page too.
 */
import type { Page } from 'playwright-core';
import { ADMIN_AUTH_HEADERS } from '../../harness/osd_server';
import { subj, useBrowserEnv, waitForChrome } from '../browser_harness';

/** A string in ECharts' code that survives minification: the attribute it marks its container with. */
const ECHARTS_MARKER = '_echarts_instance_';

/** Every script URL the page requests from the bundle folder, in order. */
function watchScripts(page: Page) {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/ui/bundles/') && path.endsWith('.js')) scripts.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return scripts;
}

describe('the split bundle, in Chromium', () => {
  const ctx = useBrowserEnv();
  /** The chunks that hold ECharts, found by reading every chunk osd.js names. */
  let chartChunks: string[];
  let bundlesUrl: string;
  /** The chunks the page links with `modulepreload` (those osd.js imports statically). */
  let preloaded: string[];

  beforeAll(async () => {
    const { url } = ctx.env.server;
    const html = await (await fetch(`${url}/app/home`, { headers: ADMIN_AUTH_HEADERS })).text();
    bundlesUrl = /<script type="module" src="([^"]+)\/osd\.js"><\/script>/.exec(html)![1];
    preloaded = [...html.matchAll(/<link rel="modulepreload" href="[^"]*\/(chunk-[A-Z0-9]+\.js)"/g)].map((m) => m[1]);
    const entry = await (await fetch(`${url}${bundlesUrl}/osd.js`)).text();
    expect(entry).not.toContain(ECHARTS_MARKER);
    // Every chunk reachable from osd.js, through static and dynamic imports.
    const named = (code: string) => [...code.matchAll(/\.\/(chunk-[A-Z0-9]+\.js)/g)].map((m) => m[1]);
    const queue = named(entry);
    const seen = new Set<string>();
    chartChunks = [];
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      const code = await (await fetch(`${url}${bundlesUrl}/${chunk}`)).text();
      if (code.includes(ECHARTS_MARKER)) chartChunks.push(chunk);
      queue.push(...named(code));
    }
    expect(chartChunks.length).toBeGreaterThan(0);
  });

  it('runs the module script under the page CSP, and another page does not request the insights chunk', async () => {
    const { page, watched } = ctx;
    const scripts = watchScripts(page);
    const response = await page.goto(`${ctx.env.server.url}/app/home`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'unsafe-eval' 'self'");
    expect(await page.getAttribute(`script[src="${bundlesUrl}/osd.js"]`, 'type')).toBe('module');
    await waitForChrome(page);
    await page.waitForSelector(subj('homeApp'));
    expect(scripts).toContain('osd.js');
    expect(preloaded.every((c) => scripts.includes(c))).toBe(true);
    // The home app's own chunk came with import() (so lazy chunks load at all), the chart chunk did not.
    expect(scripts.filter((s) => s !== 'osd.js' && !preloaded.includes(s)).length).toBeGreaterThan(0);
    expect(scripts.filter((s) => chartChunks.includes(s))).toEqual([]);

    // Nor does the Usage insights entry in Management, which links to the app.
    await page.goto(`${ctx.env.server.url}/app/management/opensearch-dashboards/usage_insights`);
    await page.waitForSelector(subj('usageInsightsOpenApp'));
    expect(scripts.filter((s) => chartChunks.includes(s))).toEqual([]);
    expect(watched.errors).toEqual([]);
  });

  it('requests the insights chunk on /app/usage_insights, and when the app is opened from another page', async () => {
    const { page, watched } = ctx;
    const scripts = watchScripts(page);
    await page.goto(`${ctx.env.server.url}/app/usage_insights`);
    await page.waitForSelector(subj('usageInsightsApp'));
    expect(chartChunks.every((c) => scripts.includes(c))).toBe(true);

    // A fresh page, then into the app without a reload: the chunk is fetched at that moment.
    const fresh = await page.context().newPage();
    try {
      const later = watchScripts(fresh);
      await fresh.goto(`${ctx.env.server.url}/app/management/opensearch-dashboards/usage_insights`);
      await fresh.waitForSelector(subj('usageInsightsOpenApp'));
      expect(later.filter((s) => chartChunks.includes(s))).toEqual([]);
      await fresh.click(subj('usageInsightsOpenApp'));
      await fresh.waitForSelector(subj('usageInsightsApp'));
      expect(chartChunks.every((c) => later.includes(c))).toBe(true);
    } finally {
      await fresh.close();
    }
    expect(watched.errors).toEqual([]);
  });
});
