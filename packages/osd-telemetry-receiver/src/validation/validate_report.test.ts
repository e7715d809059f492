import { sampleReport } from '../__test_utils__/sample_report';
import { buildReportSchema, loadCollectorSchemas } from './report_schema';
import { identifyReport, MAX_DEPTH, presentLeafPaths, validateReport } from './validate_report';

const collectors = loadCollectorSchemas();
const schema = buildReportSchema(collectors);
const pluginsPath = 'stack_stats.opensearch_dashboards.plugins';

describe('validateReport against the stored schema', () => {
  it('accepts a report shaped as the sender builds it, keyed by its normalised identity', () => {
    const report = sampleReport({ timestamp: '2026-03-01T10:00:00Z' });
    expect(validateReport(report, schema)).toEqual({ verdict: 'valid', identity: { clusterUuid: 'cluster-a', timestamp: '2026-03-01T10:00:00.000Z' } });
  });

  it('rejects an undeclared field, naming its path', () => {
    const report: any = sampleReport();
    report.stack_stats.opensearch_dashboards.plugins.telemetry.user_email = 'a@b.c';
    expect(validateReport(report, schema)).toMatchObject({
      verdict: 'rejected',
      path: `${pluginsPath}.telemetry.user_email`,
      reason: expect.stringContaining(`undeclared field ${pluginsPath}.telemetry.user_email`),
    });
  });

  it('rejects an undeclared collector and an undeclared envelope field', () => {
    const collector: any = sampleReport();
    collector.stack_stats.opensearch_dashboards.plugins.my_plugin = { a: 1 };
    expect(validateReport(collector, schema)).toMatchObject({ verdict: 'rejected', path: `${pluginsPath}.my_plugin` });
    const envelope: any = { ...sampleReport(), hostname: 'db-7' };
    expect(validateReport(envelope, schema)).toMatchObject({ verdict: 'rejected', path: 'hostname' });
    const stack: any = sampleReport();
    stack.stack_stats.xpack = {};
    expect(validateReport(stack, schema)).toMatchObject({ verdict: 'rejected', path: 'stack_stats.xpack' });
  });

  it('rejects a declared field of the wrong type, with array indexes and dynamic keys in the path', () => {
    const wrongLeaf: any = sampleReport();
    wrongLeaf.stack_stats.opensearch_dashboards.plugins.csp.strict = 'no';
    expect(validateReport(wrongLeaf, schema)).toMatchObject({ path: `${pluginsPath}.csp.strict`, reason: `${pluginsPath}.csp.strict: expected a boolean, got a string` });
    const inArray: any = sampleReport();
    inArray.stack_stats.opensearch_dashboards.plugins.ui_metric.console.push({ key: 'close', value: 1.5 });
    expect(validateReport(inArray, schema)).toMatchObject({ path: `${pluginsPath}.ui_metric.console[1].value`, reason: expect.stringContaining('expected a whole number') });
    const dynamicExtra: any = sampleReport();
    dynamicExtra.stack_stats.opensearch_dashboards.plugins.application_usage.home.secret = 1;
    expect(validateReport(dynamicExtra, schema)).toMatchObject({ path: `${pluginsPath}.application_usage.home.secret` });
  });

  it('takes null for any declared field (the schema filter keeps it) and free JSON in cluster_stats, up to a depth', () => {
    const report: any = sampleReport();
    report.stack_stats.opensearch_dashboards.plugins.csp.strict = null;
    report.cluster_stats = { nodes: { count: { total: 3 } }, anything: [1, 'two'] };
    expect(validateReport(report, schema).verdict).toBe('valid');
    let deep: any = {};
    const root = deep;
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = deep.next = {};
    report.cluster_stats = root;
    expect(validateReport(report, schema)).toMatchObject({ verdict: 'rejected', path: 'cluster_stats', reason: `nested deeper than ${MAX_DEPTH} levels` });
  });

  it('stack_management takes any setting with a scalar value, nothing nested', () => {
    const report: any = sampleReport();
    report.stack_stats.opensearch_dashboards.plugins.stack_management = { 'some:setting': ['a', 'b'], 'other:number': 4 };
    expect(validateReport(report, schema).verdict).toBe('valid');
    report.stack_stats.opensearch_dashboards.plugins.stack_management = { 'some:setting': { nested: true } };
    expect(validateReport(report, schema)).toMatchObject({ verdict: 'rejected', path: `${pluginsPath}.stack_management.some:setting` });
  });

  it('a report without a usable identity is unidentifiable; without the envelope it is rejected', () => {
    expect(validateReport([], schema)).toEqual({ verdict: 'unidentifiable', reason: 'a report must be a JSON object' });
    expect(validateReport({ ...sampleReport(), cluster_uuid: '../etc' }, schema).verdict).toBe('unidentifiable');
    expect(validateReport({ ...sampleReport(), timestamp: 'yesterday' }, schema)).toEqual({ verdict: 'unidentifiable', reason: 'timestamp must be an ISO 8601 date' });
    const { stack_stats: _s, ...noStats } = sampleReport();
    expect(validateReport(noStats, schema)).toMatchObject({ verdict: 'rejected', path: 'stack_stats', reason: 'missing required field stack_stats' });
    expect(identifyReport({ cluster_uuid: 'x', timestamp: 5 })).toBe('timestamp must be an ISO 8601 date');
  });

  it('a field literally named __proto__ is an undeclared field, not a prototype change', () => {
    const text = JSON.stringify(sampleReport()).replace('"csp":{', '"csp":{"__proto__":{"strict":"x"},');
    expect(validateReport(JSON.parse(text), schema)).toMatchObject({ verdict: 'rejected', path: `${pluginsPath}.csp.__proto__` });
  });
});

describe('presentLeafPaths', () => {
  it('lists the declared leaves a collector result carries, dynamic keys as * and arrays as []', () => {
    const plugins = sampleReport().stack_stats.opensearch_dashboards.plugins;
    expect([...presentLeafPaths(plugins.application_usage, collectors.application_usage)].sort()).toEqual(['*.clicks_total', '*.minutes_on_screen_total']);
    expect([...presentLeafPaths(plugins.ui_metric, collectors.ui_metric)].sort()).toEqual(['*[].key', '*[].value']);
    expect([...presentLeafPaths({ strict: null, warnLegacyBrowsers: true }, collectors.csp)]).toEqual(['warnLegacyBrowsers']);
  });
});
