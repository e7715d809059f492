import { formatBytes, formatDiff, formatEntries, formatPreview, formatStatus, formatTable, reportSections } from './format';

const entry = (overrides = {}) => ({
  id: 'lzx3k2a1q-3f9a2c1b',
  generatedAt: '2024-03-01T12:00:00.123Z',
  status: 'sent',
  level: 'full',
  destination: 'http://127.0.0.1:5610/send',
  sizeBytes: 12345,
  sha256: '3f9a2c1b0d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5061728394a5b6c7d8e',
  ...overrides,
});

describe('format', () => {
  it('sizes bytes', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(3 * 1024 * 1024)]).toEqual(['0 B', '1023 B', '1.5 KB', '3.0 MB']);
  });

  it('aligns table columns', () => {
    expect(formatTable(['A', 'LONG'], [['xyz', '1'], ['q', '22']])).toBe('A    LONG\nxyz  1\nq    22');
  });

  it('shows the opt-in state', () => {
    expect(formatStatus({ optIn: true, level: 'full', allowChangingOptInStatus: true, sendUsageFrom: 'server' })).toBe(
      'Telemetry  opted in\nLevel      full\nLocked     no\nSent from  server'
    );
    expect(formatStatus({ optIn: null, level: 'off', allowChangingOptInStatus: false, lockedBy: 'saved_object' })).toContain('Locked     yes, by saved object');
    expect(formatStatus({ optIn: false, level: 'off', allowChangingOptInStatus: true })).toContain('opted out');
  });

  it('lists ledger entries with a short hash, and the reason of failures', () => {
    const text = formatEntries([entry(), entry({ id: 'b', status: 'failed', error: 'http://x answered HTTP 500' }), entry({ id: 'c', status: 'generated', destination: null })]);
    expect(text.split('\n')).toEqual([
      'ID                  GENERATED             STATUS     LEVEL  SIZE     SHA256        DESTINATION',
      'lzx3k2a1q-3f9a2c1b  2024-03-01 12:00:00Z  sent       full   12.1 KB  3f9a2c1b0d4e  http://127.0.0.1:5610/send',
      'b                   2024-03-01 12:00:00Z  failed     full   12.1 KB  3f9a2c1b0d4e  http://127.0.0.1:5610/send',
      'c                   2024-03-01 12:00:00Z  generated  full   12.1 KB  3f9a2c1b0d4e  (kept, not sent)',
      'b: http://x answered HTTP 500',
    ]);
    expect(formatEntries([])).toBe('No reports yet.');
  });

  it('shows a diff, its first report and its truncation', () => {
    expect(formatDiff({ id: 'b', against: null, changes: [], truncated: false })).toBe('b is the first report of its cluster: nothing to compare it with.');
    expect(formatDiff({ id: 'b', against: 'a', changes: [], truncated: false })).toBe('b against a: no changes');
    const text = formatDiff({
      id: 'b',
      against: 'a',
      truncated: true,
      maxChanges: 2,
      changes: [
        { path: '/timestamp', kind: 'changed', before: '2024-01-01', after: '2024-01-02' },
        { path: '/plugins/x', kind: 'added', after: { n: 1 } },
      ],
    });
    expect(text.split('\n')).toEqual([
      'b against a: 2+ changes',
      'CHANGE   PATH        BEFORE        AFTER',
      'changed  /timestamp  "2024-01-01"  "2024-01-02"',
      'added    /plugins/x  -             {"n":1}',
      '(only the first 2 changes are shown)',
    ]);
    const long = `/stack_stats/opensearch_dashboards/plugins/${'x'.repeat(60)}/heap/used_in_bytes`;
    const row = formatDiff({ id: 'b', against: 'a', truncated: false, changes: [{ path: long, kind: 'changed', before: 1, after: 2 }] }).split('\n')[2];
    expect(row).toMatch(/^changed  …x+\/heap\/used_in_bytes  1\s+2$/);
  });

  it('previews a report as its sections and their sizes', () => {
    const report = { cluster_uuid: 'u', cluster_name: 'embedded', version: '2.19.0', stack_stats: { opensearch_dashboards: { count: 1, plugins: { core: { a: 1 }, telemetry: { opt_in_status: true } } } } };
    expect(reportSections(report).map(([name]) => name)).toEqual([
      'cluster_uuid',
      'cluster_name',
      'version',
      'stack_stats.opensearch_dashboards (without plugins)',
      '  plugins.core',
      '  plugins.telemetry',
    ]);
    const text = formatPreview([report], { optIn: null, level: 'off', allowChangingOptInStatus: true });
    expect(text).toMatch(/^Cluster u \(embedded\), version 2\.19\.0, \d+ B, level full: what an opt-in would send \(telemetry is undecided; nothing is sent\)\nSECTION/);
    expect(text).toContain('(--json prints the whole report)');
    expect(formatPreview([report], { optIn: true, level: 'operational', allowChangingOptInStatus: true })).toContain('level operational, as it would be sent');
  });
});
