/*
 * Reports shaped as the sender builds them (get_local_stats.ts on the embedded store), for the unit tests.
 * Every field is one the stored schema declares, so a test that adds one knows exactly what it changed.
 */
export function sampleReport({ clusterUuid = 'cluster-a', timestamp = '2026-03-01T10:00:00.000Z', version = '2.19.0', optIn = true } = {}) {
  return {
    timestamp,
    cluster_uuid: clusterUuid,
    cluster_name: 'embedded',
    version,
    collection: 'local',
    collectionSource: 'local',
    stack_stats: {
      opensearch_dashboards: {
        dashboard: { total: 3 },
        visualization: { total: 5 },
        search: { total: 0 },
        index_pattern: { total: 1 },
        graph_workspace: { total: 0 },
        count: 1,
        indices: 1,
        os: { platforms: [{ platform: 'linux', count: 1 }], distros: [{ distro: 'Debian GNU/Linux', count: 1 }] },
        versions: [{ version, count: 1 }],
        plugins: {
          ui_metric: { console: [{ key: 'open', value: 2 }] },
          application_usage: { home: { clicks_total: 4, minutes_on_screen_total: 1.5 } },
          csp: { strict: false, warnLegacyBrowsers: true, rulesChangedFromDefault: false },
          telemetry: { opt_in_status: optIn, usage_fetcher: 'server' },
          stack_management: { 'theme:darkMode': true, 'dateFormat:tz': 'UTC' },
          core: { environment: { memory: { heapSizeLimit: 100, heapTotalBytes: 50, heapUsedBytes: 25 } } },
          usage_collector_stats: {
            succeeded: { count: 2, names: ['csp', 'telemetry'] },
            not_ready: { count: 0, names: [] },
            total_duration: 4.5,
            dropped_fields: 0,
            invalid_values: 0,
            ingest: { dropped_ui_metric_keys: 0, dropped_applications: 0, throttled_reports: 0 },
            collectors: [{ name: 'csp', status: 'succeeded', is_ready_duration: 1.2, fetch_duration: 0.8, dropped_fields: 0, invalid_values: 0 }],
          },
        },
      },
    },
  };
}
