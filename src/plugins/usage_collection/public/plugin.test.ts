import { BehaviorSubject } from 'rxjs';
import { METRIC_TYPE } from '@osd/analytics';
import { UsageCollectionPlugin } from './plugin';
import type { UsageCollectionPublicConfig } from './types';

/*
 * Jest runs in node here: the few browser globals the plugin touches are stood in for by small fakes.
 */
const storage = new Map<string, string>();
const webStorage = {
  get length() {
    return storage.size;
  },
  key: (i: number) => [...storage.keys()][i] ?? null,
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
};
const fetchMock = jest.fn(async (_url: string, _init: RequestInit) => ({ ok: true, status: 200, text: async () => '{"status":"ok"}' }));

beforeAll(() => {
  Object.assign(globalThis, {
    window: Object.assign(new EventTarget(), {
      localStorage: webStorage,
      sessionStorage: webStorage,
      location: { pathname: '/app/home' },
      navigator: { userAgent: 'FakeBrowser/1.0' },
      fetch: fetchMock,
    }),
    document: Object.assign(new EventTarget(), { cookie: '', visibilityState: 'visible' }),
  });
});
afterAll(() => {
  delete (globalThis as any).window;
  delete (globalThis as any).document;
});
beforeEach(() => {
  storage.clear();
  (globalThis as any).document.cookie = '';
  fetchMock.mockClear();
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

function createPlugin(uiMetric: Partial<UsageCollectionPublicConfig['uiMetric']> = {}) {
  const config: UsageCollectionPublicConfig = { uiMetric: { enabled: true, debug: false, batchingIntervalInS: 1, ...uiMetric } };
  const context = {
    opaqueId: Symbol('usageCollection'),
    env: { mode: { dev: false, prod: true, name: 'production' }, packageInfo: { version: '2.19.0' } },
    config: { get: () => config },
  } as any;
  const plugin = new UsageCollectionPlugin(context);
  const http = { basePath: { prepend: (p: string) => `/base${p}` }, anonymousPaths: { isAnonymous: () => false } };
  const coreSetup = { http } as any;
  const apps = new BehaviorSubject(new Map(['home', 'other'].map((id) => [id, { id }])));
  const coreStart = { http, application: { currentAppId$: new BehaviorSubject<string | undefined>('home'), applications$: apps } } as any;
  return { plugin, coreSetup, coreStart };
}

const sentReports = () => fetchMock.mock.calls.map(([, init]) => JSON.parse(init.body as string).report);

describe('UsageCollectionPlugin (browser)', () => {
  it('sends ui metrics, the user agent and application usage to the report route with the xsrf header', async () => {
    const { plugin, coreSetup, coreStart } = createPlugin();
    const setup = plugin.setup(coreSetup);
    expect(setup.METRIC_TYPE).toBe(METRIC_TYPE);
    setup.reportUiStats('myApp', METRIC_TYPE.CLICK, 'button');
    plugin.start(coreStart);
    (globalThis as any).window.dispatchEvent(new Event('click'));
    coreStart.application.currentAppId$.next('other');
    await jest.advanceTimersByTimeAsync(1000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/base/api/ui_metric/report');
    expect(init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'osd-xsrf': 'osd-analytics', 'osd-version': '2.19.0' } });
    const [report] = sentReports();
    expect(Object.keys(report.uiStatsMetrics)).toEqual(['myApp-click-button']);
    expect(report.userAgent['opensearchDashboards-user_agent'].userAgent).toBe('FakeBrowser/1.0');
    expect(report.application_usage.home.numberOfClicks).toBe(1);
    plugin.stop();
  });

  it('reports the user agent once per browser session, and not at all when not allowed', async () => {
    const first = createPlugin();
    first.plugin.setup(first.coreSetup);
    first.plugin.start(first.coreStart);
    first.plugin.stop();
    const second = createPlugin();
    second.plugin.setup(second.coreSetup);
    second.plugin.start(second.coreStart);
    await jest.advanceTimersByTimeAsync(1000);
    second.plugin.stop();
    expect(sentReports().filter((r) => r.userAgent)).toHaveLength(1);

    (globalThis as any).document.cookie = '';
    fetchMock.mockClear();
    const third = createPlugin();
    third.plugin.setup(third.coreSetup).allowTrackUserAgent(false);
    third.plugin.start(third.coreStart);
    await jest.advanceTimersByTimeAsync(1000);
    third.plugin.stop();
    expect(sentReports().filter((r) => r.userAgent)).toHaveLength(0);
  });

  it('with uiMetric.enabled false records and sends nothing', async () => {
    const { plugin, coreSetup, coreStart } = createPlugin({ enabled: false });
    plugin.setup(coreSetup).reportUiStats('myApp', METRIC_TYPE.COUNT, 'x', 3);
    plugin.start(coreStart).reportUiStats('myApp', METRIC_TYPE.COUNT, 'x', 3);
    await jest.advanceTimersByTimeAsync(120000);
    plugin.stop();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(storage.size).toBe(0);
  });

  it('honours the server\'s Retry-After on 429: keeps the batch in localStorage and sends it, merged, once allowed', async () => {
    fetchMock.mockImplementationOnce(async () => ({
      ok: false,
      status: 429,
      headers: new Headers({ 'Retry-After': '5' }),
      text: async () => '{"message":"Too many ui metric reports"}',
    }));
    const { plugin, coreSetup, coreStart } = createPlugin();
    const { reportUiStats } = plugin.setup(coreSetup);
    reportUiStats('myApp', METRIC_TYPE.COUNT, 'rows', 2);
    plugin.start(coreStart);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await jest.advanceTimersByTimeAsync(1000); // refused: not again before 5 s
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('(Retry-After)'));
    reportUiStats('myApp', METRIC_TYPE.COUNT, 'rows', 3);
    await jest.advanceTimersByTimeAsync(1000);
    const stored = [...storage.entries()].find(([key]) => key.startsWith('analytics'));
    expect(JSON.parse(stored![1]).uiStatsMetrics['myApp-count-rows'].stats.sum).toBe(5);
    await jest.advanceTimersByTimeAsync(3999); // 4.999 s after the refusal
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(501); // the wait has at most 10% of jitter on top
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sentReports()[1].uiStatsMetrics['myApp-count-rows'].stats).toEqual({ min: 2, max: 3, sum: 5, avg: 2.5 });
    plugin.stop();
    warn.mockRestore();
    expect([...storage.keys()].filter((key) => key.startsWith('analytics'))).toEqual([]);
  });
});
