import { DYNAMIC_KEY, META_KEY, parseNode, type LeafType, type SchemaNode } from './report_schema';

/** Deepest nesting a report may have anywhere (the sender's reports stay well under 20). */
export const MAX_DEPTH = 64;

const CLUSTER_UUID = /^[A-Za-z0-9_-]{1,128}$/;

/** Identity of a report: what idempotency keys on. */
export interface ReportIdentity {
  clusterUuid: string;
  /** The report's own `timestamp`, as sent (ISO 8601). */
  timestamp: string;
}

/**
 * - `unidentifiable`: not even a report (not an object, or no usable `cluster_uuid`/`timestamp`): refused
 *   with a 400, nothing kept (there is nothing to key it on).
 * - `rejected`: an identifiable report that does not fit the schema: kept aside with the path and reason.
 * - `valid`: fits; `identity` keys it.
 */
export type ReportVerdict =
  | { verdict: 'unidentifiable'; reason: string }
  | { verdict: 'rejected'; identity: ReportIdentity; path: string; reason: string }
  | { verdict: 'valid'; identity: ReportIdentity };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who the report says it is, or why it cannot say. Pure. */
export function identifyReport(report: unknown): ReportIdentity | string {
  if (!isPlainObject(report)) return 'a report must be a JSON object';
  const { cluster_uuid: clusterUuid, timestamp } = report;
  if (typeof clusterUuid !== 'string' || !CLUSTER_UUID.test(clusterUuid)) return 'cluster_uuid must be a string of 1 to 128 letters, digits, "-" or "_"';
  if (typeof timestamp !== 'string' || timestamp.length > 64 || Number.isNaN(Date.parse(timestamp))) return 'timestamp must be an ISO 8601 date';
  // Normalised, so `...00Z` and `...00.000Z` key the same report.
  return { clusterUuid, timestamp: new Date(timestamp).toISOString() };
}

/** Fields a report must have besides its identity (the envelope the sender always writes). */
const REQUIRED = ['version', 'stack_stats'];

/**
 * Checks a parsed report against the report schema (`buildReportSchema`): every field must be declared
 * and of its declared type (`null` is accepted for any declared field, as the schema filter keeps it).
 * The first problem wins; its path names the field (`stack_stats.opensearch_dashboards.plugins.x.y`,
 * arrays as `[i]`). Pure.
 */
export function validateReport(report: unknown, schema: SchemaNode): ReportVerdict {
  const identity = identifyReport(report);
  if (typeof identity === 'string') return { verdict: 'unidentifiable', reason: identity };
  for (const field of REQUIRED) {
    if ((report as Record<string, unknown>)[field] === undefined) return { verdict: 'rejected', identity, path: field, reason: `missing required field ${field}` };
  }
  const problem = checkNode(report, schema, [], 0);
  return problem ? { verdict: 'rejected', identity, path: problem.path, reason: problem.reason } : { verdict: 'valid', identity };
}

interface Problem {
  path: string;
  reason: string;
}

function formatPath(path: Array<string | number>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(root)';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function checkNode(value: unknown, schema: SchemaNode, path: Array<string | number>, depth: number): Problem | undefined {
  if (depth > MAX_DEPTH) return { path: formatPath(path), reason: `nested deeper than ${MAX_DEPTH} levels` };
  if (value === null) return undefined;
  const parsed = parseNode(schema);
  if (parsed.kind === 'leaf') return checkLeaf(value, parsed.type, path, depth);
  if (parsed.kind === 'array') {
    if (!Array.isArray(value)) return { path: formatPath(path), reason: `expected an array, got ${describe(value)}` };
    for (let i = 0; i < value.length; i++) {
      const problem = checkNode(value[i], parsed.items, [...path, i], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return { path: formatPath(path), reason: `expected an object, got ${describe(value)}` };
  const fields = parsed.fields;
  const dynamic = Object.prototype.hasOwnProperty.call(fields, DYNAMIC_KEY) ? fields[DYNAMIC_KEY] : undefined;
  for (const key of Object.keys(value)) {
    const declared = key !== META_KEY && key !== DYNAMIC_KEY && Object.prototype.hasOwnProperty.call(fields, key);
    const fieldSchema = declared ? fields[key] : dynamic;
    if (fieldSchema === undefined) return { path: formatPath([...path, key]), reason: `undeclared field ${formatPath([...path, key])} (not in the stored schema)` };
    const problem = checkNode(value[key], fieldSchema, [...path, key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

function checkLeaf(value: unknown, type: LeafType, path: Array<string | number>, depth: number): Problem | undefined {
  const wrong = (expected: string) => ({ path: formatPath(path), reason: `${formatPath(path)}: expected ${expected}, got ${describe(value)}` });
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof value === 'string' ? undefined : wrong('a string');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : wrong('a boolean');
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : wrong('a whole number');
    case 'number':
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : wrong('a number');
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : wrong('a date string');
    case 'scalar':
      if (['string', 'number', 'boolean'].includes(typeof value)) return undefined;
      if (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))) return undefined;
      return wrong('a string, number, boolean or an array of them');
    case 'any':
      return depthOf(value, depth) > MAX_DEPTH ? { path: formatPath(path), reason: `nested deeper than ${MAX_DEPTH} levels` } : undefined;
    default:
      return { path: formatPath(path), reason: `the schema declares an unknown type "${type}"` };
  }
}

/** Depth of a JSON value, iteratively (free-form parts are not walked by the schema), stopping past the limit. */
function depthOf(value: unknown, start: number): number {
  const stack: Array<[unknown, number]> = [[value, start]];
  let max = start;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return max;
    if (item && typeof item === 'object') for (const child of Object.values(item as object)) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * The declared leaf paths a valid collector result carries (not null), in the notation of
 * `declaredLeafPaths` (`*` for dynamic keys, `[]` for array items). Pure.
 */
export function presentLeafPaths(value: unknown, schema: SchemaNode, prefix = '', out: Set<string> = new Set()): Set<string> {
  if (value === null || value === undefined) return out;
  const parsed = parseNode(schema);
  if (parsed.kind === 'leaf') {
    out.add(prefix);
  } else if (parsed.kind === 'array') {
    if (Array.isArray(value)) for (const item of value) presentLeafPaths(item, parsed.items, `${prefix}[]`, out);
  } else if (isPlainObject(value)) {
    const dynamic = Object.prototype.hasOwnProperty.call(parsed.fields, DYNAMIC_KEY);
    for (const [key, child] of Object.entries(value)) {
      const declared = key !== DYNAMIC_KEY && Object.prototype.hasOwnProperty.call(parsed.fields, key);
      const name = declared ? key : '*';
      const childSchema = declared ? parsed.fields[key] : dynamic ? parsed.fields[DYNAMIC_KEY] : undefined;
      if (childSchema !== undefined) presentLeafPaths(child, childSchema, prefix ? `${prefix}.${name}` : name, out);
    }
  }
  return out;
}
