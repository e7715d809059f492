import { schema, SchemaTypeError, Type, TypeOf, ValidationError } from '@osd/config-schema';
import { REPORT_VERSION } from '../../common/constants';

/** The browser reporter's batched report, exactly as upstream's schema reads it. */
export const reportSchema = schema.object({
  reportVersion: schema.maybe(schema.literal(REPORT_VERSION)),
  userAgent: schema.maybe(
    schema.recordOf(
      schema.string(),
      schema.object({
        key: schema.string(),
        type: schema.string(),
        appName: schema.string(),
        userAgent: schema.string(),
      })
    )
  ),
  uiStatsMetrics: schema.maybe(
    schema.recordOf(
      schema.string(),
      schema.object({
        key: schema.string(),
        type: schema.oneOf([schema.literal('click'), schema.literal('loaded'), schema.literal('count')]),
        appName: schema.string(),
        eventName: schema.string(),
        stats: schema.object({
          min: schema.number(),
          sum: schema.number(),
          max: schema.number(),
          avg: schema.number(),
        }),
      })
    )
  ),
  application_usage: schema.maybe(
    schema.recordOf(
      schema.string(),
      schema.object({
        minutesOnScreen: schema.number(),
        numberOfClicks: schema.number(),
      })
    )
  ),
});

export type ReportSchemaType = TypeOf<typeof reportSchema>;

const reportBodySchema = schema.object({ report: reportSchema });
export type ReportBody = TypeOf<typeof reportBodySchema>;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** True when `value` has exactly the listed keys (JSON objects never hold `undefined`). */
function hasExactKeys(value: Plain, keys: readonly string[]) {
  let count = 0;
  for (const key in value) {
    if (!keys.includes(key)) return false;
    count++;
  }
  return count === keys.length;
}

const REPORT_KEYS = ['reportVersion', 'userAgent', 'uiStatsMetrics', 'application_usage'];
const USER_AGENT_KEYS = ['key', 'type', 'appName', 'userAgent'];
const METRIC_KEYS = ['key', 'type', 'appName', 'eventName', 'stats'];
const STATS_KEYS = ['min', 'sum', 'max', 'avg'];
const APP_USAGE_KEYS = ['minutesOnScreen', 'numberOfClicks'];
const METRIC_TYPES = ['click', 'loaded', 'count'];

function everyValue(record: unknown, check: (entry: unknown) => boolean) {
  if (record === undefined) return true;
  if (!isPlain(record)) return false;
  for (const key in record) if (!check(record[key])) return false;
  return true;
}

/**
 * True when `body` is already in the exact form the schema would return unchanged: then validating it is
 * a plain walk. Anything else (extra keys, numeric strings to convert, wrong types) takes the schema's
 * path, which converts or fails with its usual message.
 */
function isCanonicalBody(body: unknown): body is ReportBody {
  if (!isPlain(body) || !hasExactKeys(body, ['report'])) return false;
  const report = body.report;
  if (!isPlain(report)) return false;
  for (const key in report) if (!REPORT_KEYS.includes(key)) return false;
  if (report.reportVersion !== undefined && report.reportVersion !== REPORT_VERSION) return false;
  return (
    everyValue(
      report.userAgent,
      (e) => isPlain(e) && hasExactKeys(e, USER_AGENT_KEYS) && USER_AGENT_KEYS.every((k) => typeof e[k] === 'string')
    ) &&
    everyValue(report.uiStatsMetrics, (e) => {
      if (!isPlain(e) || !hasExactKeys(e, METRIC_KEYS)) return false;
      if (typeof e.key !== 'string' || typeof e.appName !== 'string' || typeof e.eventName !== 'string') return false;
      if (!METRIC_TYPES.includes(e.type as string)) return false;
      const stats = e.stats;
      return isPlain(stats) && hasExactKeys(stats, STATS_KEYS) && isNumber(stats.min) && isNumber(stats.sum) && isNumber(stats.max) && isNumber(stats.avg);
    }) &&
    everyValue(report.application_usage, (e) => isPlain(e) && hasExactKeys(e, APP_USAGE_KEYS) && isNumber(e.minutesOnScreen) && isNumber(e.numberOfClicks))
  );
}

function fail(message: string, path: string[], namespace?: string): never {
  throw new ValidationError(new SchemaTypeError(message, path), namespace);
}

/**
 * Rules the storage adds to the schema: `:` separates the app from the event in a counter's id, so an
 * app name (or a user-agent key) may not contain one; names may not be empty; counts never go down.
 */
function assertStorable(report: ReportSchemaType, namespace?: string) {
  for (const [key, metric] of Object.entries(report.uiStatsMetrics ?? {})) {
    const at = (field: string) => ['report', 'uiStatsMetrics', key, field];
    if (metric.appName.includes(':')) fail('must not contain ":"', at('appName'), namespace);
    if (metric.appName === '') fail('must not be empty', at('appName'), namespace);
    if (metric.eventName === '') fail('must not be empty', at('eventName'), namespace);
    if (metric.stats.sum < 0) fail('Value must be equal to or greater than [0].', [...at('stats'), 'sum'], namespace);
  }
  for (const [key, agent] of Object.entries(report.userAgent ?? {})) {
    if (agent.key.includes(':')) fail('must not contain ":"', ['report', 'userAgent', key, 'key'], namespace);
    if (agent.key === '') fail('must not be empty', ['report', 'userAgent', key, 'key'], namespace);
  }
  for (const [appId, usage] of Object.entries(report.application_usage ?? {})) {
    if (appId === '') fail('must not be empty', ['report', 'application_usage', appId], namespace);
    if (usage.numberOfClicks < 0) fail('Value must be equal to or greater than [0].', ['report', 'application_usage', appId, 'numberOfClicks'], namespace);
    if (usage.minutesOnScreen < 0) fail('Value must be equal to or greater than [0].', ['report', 'application_usage', appId, 'minutesOnScreen'], namespace);
  }
}

/**
 * The `{ report }` body of `POST /api/ui_metric/report`: upstream's schema and messages, plus the
 * storage rules above. Validating a 100-metric report through the generic schema costs about ten times
 * parsing it, so a body already in canonical form is checked by a direct walk instead; every other
 * body goes through the schema, so what is accepted and every error message stay the schema's.
 */
export class ReportBodyType extends Type<ReportBody> {
  constructor() {
    super(schema.any().getSchema());
  }

  public validate(value: unknown, context: Record<string, any> = {}, namespace?: string): ReportBody {
    const body = isCanonicalBody(value) ? value : reportBodySchema.validate(value, context, namespace);
    assertStorable(body.report, namespace);
    return body;
  }
}
