/*
 * Consent levels on the real server, against a local receiver: an `operational` report carries the
 * operational collectors only (no UI metrics, application usage, settings or third-party usage), on each
 * store; the opt-in route stores the level an admin chose, and the state and the preview follow it.
 */
import { join } from 'path';
import { api, TEST_PLUGINS_DIR, type OsdServer } from '../../../../../test/harness/osd_server';
import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { storeModes } from '../../../../../test/harness/store_modes';
import { readTelemetryState, startTelemetryServer, stopTelemetrySuite, waitForRequests } from './helpers';

/** Collectors whose data is usage: none of them may appear in an operational report. */
const USAGE_COLLECTORS = ['ui_metric', 'application_usage', 'stack_management', 'test_healthy'];

const pluginsOf = (report: any): Record<string, unknown> => report.stack_stats.opensearch_dashboards.plugins;

describe.each(storeModes('telemetry_consent_levels'))('consent levels (%s store)', (mode) => {
  let receiver: Receiver;
  let server: OsdServer;
  beforeAll(async () => {
    await mode.before();
    receiver = await startReceiver();
    // The usage test plugin registers a third-party collector that declares no category (counts as usage).
    server = await startTelemetryServer({
      receiver,
      telemetry: { optIn: true, level: 'operational', initialCheckDelay: '5s' },
      args: mode.args(),
      pluginPaths: [join(TEST_PLUGINS_DIR, 'usage_test_plugin')],
    });
    // Usage data exists before the first report (sent 5 s after start).
    const report = { report: { uiStatsMetrics: { a: { key: 'a', type: 'click', appName: 'app', eventName: 'clicked', stats: { min: 0, max: 1, sum: 1, avg: 1 } } } } };
    expect((await api(`${server.url}/api/ui_metric/report`, 'POST', report)).status).toBe(200);
  }, 240000);
  afterAll(() => stopTelemetrySuite(mode, server, receiver));

  it('sends an operational report without any usage collector, and says the level in the state', async () => {
    const [sent] = await waitForRequests(receiver, '/send', 1, 60000);
    const report = JSON.parse(sent.body);
    const plugins = pluginsOf(report);
    expect(plugins.telemetry).toMatchObject({ opt_in_status: true });
    expect(Object.keys(plugins)).toEqual(expect.arrayContaining(['core', 'usage_collector_stats']));
    for (const type of USAGE_COLLECTORS) expect([type, type in plugins]).toEqual([type, false]);
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body).toMatchObject({ optIn: true, level: 'operational', allowChangingOptInStatus: true });
    // The admin's preview shows the same level.
    const preview = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true, refreshCache: true });
    for (const type of USAGE_COLLECTORS) expect([type, type in pluginsOf(preview.body[0])]).toEqual([type, false]);
  });

  it('stores the level an admin chooses (full by default), and the preview follows it', async () => {
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true, level: 'full' })).status).toBe(200);
    expect(await readTelemetryState(mode, server)).toMatchObject({ enabled: true, level: 'full' });
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body.level).toBe('full');
    const full = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true, refreshCache: true });
    expect(pluginsOf(full.body[0])).toEqual(expect.objectContaining({ ui_metric: expect.anything(), test_healthy: expect.anything() }));

    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true, level: 'operational' })).status).toBe(200);
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body.level).toBe('operational');
    // The cached full report is never served at the operational level.
    const operational = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true });
    expect('ui_metric' in pluginsOf(operational.body[0])).toBe(false);
    // A preview may name a level; a sendable report may not (it is built at the decided one).
    const named = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true, level: 'full' });
    expect('ui_metric' in pluginsOf(named.body[0])).toBe(true);
    const sendable = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: false, level: 'full' });
    expect('ui_metric' in pluginsOf(sendable.body[0])).toBe(false);

    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: false })).status).toBe(200);
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body).toMatchObject({ optIn: false, level: 'off' });
  });

  it('refuses an unknown level, naming the field', async () => {
    const bad = await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true, level: 'everything' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('[request body.level]');
  });
});
