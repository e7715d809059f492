import { dailyIndex, mappingOf, reportsTemplate } from './mappings';

describe('the OpenSearch mappings', () => {
  it('names a daily index by the report UTC day, containing "telemetry"', () => {
    expect(dailyIndex('telemetry-fleet', '2026-03-01T23:59:59.999Z')).toBe('telemetry-fleet-reports-2026.03.01');
  });

  it('maps schema leaves to types, records keyed by data and free JSON to unindexed objects', () => {
    expect(mappingOf({ a: 'long', b: { type: 'float' }, c: { type: 'array', items: { d: 'keyword' } }, _meta: { description: 'x' } })).toEqual({
      type: 'object',
      dynamic: false,
      properties: {
        a: { type: 'long', ignore_malformed: true },
        b: { type: 'double', ignore_malformed: true },
        c: { type: 'object', dynamic: false, properties: { d: { type: 'keyword', ignore_above: 1024 } } },
      },
    });
    expect(mappingOf({ DYNAMIC_KEY: { clicks: 'long' } })).toEqual({ type: 'object', enabled: false });
    expect(mappingOf('any')).toEqual({ type: 'object', enabled: false });
  });

  it('the template covers the daily indices, strict at the top', () => {
    const template = reportsTemplate('telemetry-fleet', { version: 'keyword' });
    expect(template.index_patterns).toEqual(['telemetry-fleet-reports-*']);
    expect(template.template.mappings.dynamic).toBe('strict');
    expect(template.template.mappings.properties.report).toEqual({ dynamic: false, properties: { version: { type: 'keyword', ignore_above: 1024 } } });
  });
});
