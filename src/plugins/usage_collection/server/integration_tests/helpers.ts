/* Shared by this folder's tests: test plugin paths, report builders and the per-test server set-up. */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { request } from 'http';
import { join } from 'path';
import { OsdServer, OsdServerOptions, REPO_ROOT, startOsdServer, TEST_PLUGINS_DIR } from '../../../../../test/harness/osd_server';
import type { StoreMode } from '../../../../../test/harness/store_modes';

export const usageTestPlugin = join(TEST_PLUGINS_DIR, 'usage_test_plugin');
export const testPlugin = join(TEST_PLUGINS_DIR, 'test_plugin');

/** One metric of a browser report. */
export const uiMetric = (appName: string, eventName: string, sum: number, type = 'click') => ({
  key: `${appName}-${type}-${eventName}`,
  type,
  appName,
  eventName,
  stats: { min: 0, max: sum, sum, avg: sum },
});

/** A report body (`{ report }`) with the given `[appName, eventName, sum]` metrics. */
export function reportBody(metrics: Array<[string, string, number]>, extra: Record<string, unknown> = {}) {
  const uiStatsMetrics: Record<string, unknown> = {};
  for (const [appName, eventName, sum] of metrics) uiStatsMetrics[`${appName}-click-${eventName}`] = uiMetric(appName, eventName, sum);
  return { report: { reportVersion: 1, uiStatsMetrics, ...extra } };
}

/** `{ [appName]: { [eventName]: count } }` from the `ui_metric` usage of `/api/stats`. */
export function countsFromUsage(uiMetricUsage: Record<string, Array<{ key: string; value: number }>> = {}) {
  const counts: Record<string, Record<string, number>> = {};
  for (const [app, entries] of Object.entries(uiMetricUsage)) {
    counts[app] = Object.fromEntries(entries.map(({ key, value }) => [key, value]));
  }
  return counts;
}

/**
 * `--<configPath>.enabled=false` for every bundled plugin that requires usageCollection (they cannot run
 * without it), so a test can disable usageCollection itself.
 */
export function disableDependantsOfUsageCollection(): string[] {
  const pluginsDir = join(REPO_ROOT, 'src', 'plugins');
  const flags: string[] = [];
  for (const dir of readdirSync(pluginsDir)) {
    const manifestPath = join(pluginsDir, dir, 'opensearch_dashboards.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if ((manifest.requiredPlugins ?? []).includes('usageCollection')) flags.push(`--${manifest.configPath ?? dir}.enabled=false`);
  }
  return flags;
}

/**
 * Flags that lift the per-client report limit, for suites that send many reports from one address (every
 * test client is 127.0.0.1).
 */
export const UNTHROTTLED_ARGS = ['--usageCollection.uiMetric.maxReportsPerMinute=1000000'];

/**
 * `POST` of a JSON body from another loopback address (`127.0.0.2`...: Linux routes all of 127/8 to the
 * loopback interface), so the server sees another client. Answers status, headers and the parsed body.
 */
export function postFrom(localAddress: string, url: string, body: unknown): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': payload.length, 'osd-xsrf': 'test' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json });
        });
      }
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * One server per test on one store mode: registers the suite's hooks (the mode started before all tests and
 * stopped after; after each test the server stopped and the store emptied, as a fresh embedded data folder).
 * `start` starts the test's server with `baseArgs`, the mode's arguments and `extraArgs`; a later `start` in
 * the same test replaces it (stop the previous one first when it must not run beside it).
 */
export function serverPerTest(mode: StoreMode, baseArgs: string[] = []) {
  let server: OsdServer | undefined;
  let args: string[] = [];
  beforeAll(async () => {
    await mode.before();
    args = [...baseArgs, ...mode.args()];
  }, 180000);
  afterAll(() => mode.after());
  afterEach(async () => {
    await server?.stop();
    server?.cleanup();
    server = undefined;
    await mode.reset();
  });
  return {
    start: async (extraArgs: string[] = [], options: Omit<OsdServerOptions, 'args'> = {}) =>
      (server = await startOsdServer({ ...options, args: [...args, ...extraArgs] })),
    /** The arguments every server of the suite starts with (known once the mode is up). */
    args: () => args,
  };
}
