import { DYNAMIC_KEY, META_KEY, parseNode, type SchemaNode } from '../../validation/report_schema';

/*
 * The OpenSearch side of the fleet store: index names and explicit mappings. Every index name contains
 * "telemetry" (the prefix), reports go to one index per UTC day of their timestamp, under one template.
 */

export const DEFAULT_PREFIX = 'telemetry-fleet';

export const indexNames = (prefix: string) => ({
  reportsPattern: `${prefix}-reports-*`,
  template: `${prefix}-reports`,
  deployments: `${prefix}-deployments`,
  optIn: `${prefix}-opt-in`,
  rejected: `${prefix}-rejected`,
});

/** `telemetry-fleet-reports-2026.03.01`: the daily index of a report timestamp (ISO 8601). Pure. */
export function dailyIndex(prefix: string, timestamp: string): string {
  return `${prefix}-reports-${timestamp.slice(0, 10).replace(/-/g, '.')}`;
}

/**
 * The mapping of one schema node. Leaves get their type; the values were validated already, yet dates
 * and numbers tolerate what OpenSearch parses differently (`ignore_malformed`) rather than lose a report.
 * A record keyed by data (DYNAMIC_KEY: app ids, setting names) is kept in `_source` but not mapped, so a
 * fleet cannot blow the field limit; `any` (OpenSearch's own `_cluster/stats`) likewise. Pure.
 */
export function mappingOf(node: SchemaNode): Record<string, unknown> {
  const parsed = parseNode(node);
  if (parsed.kind === 'array') return mappingOf(parsed.items);
  if (parsed.kind === 'leaf') {
    switch (parsed.type) {
      case 'keyword':
        return { type: 'keyword', ignore_above: 1024 };
      case 'text':
        return { type: 'text' };
      case 'boolean':
        return { type: 'boolean' };
      case 'long':
        return { type: 'long', ignore_malformed: true };
      case 'number':
      case 'float':
        return { type: 'double', ignore_malformed: true };
      case 'date':
        return { type: 'date', ignore_malformed: true };
      default:
        return { type: 'object', enabled: false };
    }
  }
  if (Object.prototype.hasOwnProperty.call(parsed.fields, DYNAMIC_KEY)) return { type: 'object', enabled: false };
  const properties: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(parsed.fields)) {
    if (key !== META_KEY) properties[key] = mappingOf(child as SchemaNode);
  }
  return { type: 'object', dynamic: false, properties };
}

/** The report index template: receiver fields for the aggregations, and the report itself mapped from the schema. */
export function reportsTemplate(prefix: string, reportSchema: SchemaNode) {
  const { type: _type, ...report } = mappingOf(reportSchema);
  return {
    index_patterns: [indexNames(prefix).reportsPattern],
    template: {
      settings: { number_of_shards: 1, auto_expand_replicas: '0-1', 'mapping.total_fields.limit': 5000 },
      mappings: {
        dynamic: 'strict',
        properties: {
          cluster_uuid: { type: 'keyword' },
          timestamp: { type: 'date' },
          day: { type: 'keyword' },
          received_at: { type: 'date' },
          version: { type: 'keyword' },
          encrypted: { type: 'boolean' },
          source: { type: 'keyword' },
          opted_in: { type: 'boolean' },
          collectors: { type: 'keyword' },
          /** `collector/path` of every declared field the report carried: fields seen = distinct values. */
          collector_fields: { type: 'keyword' },
          collector_counts: { type: 'nested', properties: { collector: { type: 'keyword' }, present: { type: 'integer' } } },
          report,
        },
      },
    },
  };
}

const small = { number_of_shards: 1, auto_expand_replicas: '0-1' };

export const deploymentsIndex = {
  settings: small,
  mappings: {
    dynamic: 'strict',
    properties: {
      cluster_uuid: { type: 'keyword' },
      first_timestamp: { type: 'date' },
      last_timestamp: { type: 'date' },
      version: { type: 'keyword' },
      collectors: { type: 'keyword' },
    },
  },
};

export const optInIndex = {
  settings: small,
  mappings: { dynamic: 'strict', properties: { cluster_uuid: { type: 'keyword' }, opted_in: { type: 'boolean' }, at: { type: 'date' } } },
};

export const rejectedIndex = {
  settings: small,
  mappings: {
    dynamic: 'strict',
    properties: {
      seq: { type: 'long' },
      cluster_uuid: { type: 'keyword' },
      timestamp: { type: 'date' },
      received_at: { type: 'date' },
      source: { type: 'keyword' },
      path: { type: 'keyword', ignore_above: 2048 },
      reason: { type: 'text' },
      payload: { type: 'text', index: false },
    },
  },
};
