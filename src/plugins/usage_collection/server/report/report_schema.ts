import { schema, SchemaTypeError, Type, TypeOf, ValidationError } from '@osd/config-schema';
import { REPORT_VERSION } from '../../common/constants';
import * as reportRules from './report_rules';

// Read once: these run for every field of every report, and a transpiled module's exports are getters.
const { applicationIdProblem, countProblem, finiteNumberProblem, minutesProblem, nameProblem } = reportRules;

/**
 * A value whose whole check is one of the rules of report_rules.ts, with the rule's message: so the
 * schema path answers exactly what the fast path checks, and converts nothing (a numeric string stays a
 * string, and is refused).
 */
class RuleType<V> extends Type<V> {
  constructor(problem: (value: unknown) => string | undefined) {
    const checked = (schema.any().getSchema() as any)
      .custom((value: unknown) => {
        const message = problem(value);
        if (message) throw new Error(message);
        return value;
      })
      .error((errors: any[]) => {
        const [report] = errors;
        if (report instanceof SchemaTypeError) return report;
        // `any.required` (the value is missing) gets the rule's message for `undefined`.
        const message = report.code === 'any.custom' ? report.local.error.message : (problem(undefined) ?? String(report.message));
        return new SchemaTypeError(message, report.path ?? []);
      });
    super(checked);
  }
}

const count = () => new RuleType<number>(countProblem);
const finiteNumber = () => new RuleType<number>(finiteNumberProblem);
const name = () => new RuleType<string>((value) => nameProblem(value));
/** A name followed by `:` in its stored id. */
const leadingName = () => new RuleType<string>((value) => nameProblem(value, true));

/** The browser reporter's batched report: upstream's schema, with the stored values held to report_rules.ts. */
export const reportSchema = schema.object({
  reportVersion: schema.maybe(schema.literal(REPORT_VERSION)),
  userAgent: schema.maybe(
    // The record key is the first half of the user agent's stored id (`<record key>:<user agent>`, as upstream).
    schema.recordOf(
      leadingName(),
      schema.object({
        key: name(),
        type: schema.string(),
        appName: schema.string(),
        userAgent: name(),
      })
    )
  ),
  uiStatsMetrics: schema.maybe(
    schema.recordOf(
      schema.string(),
      schema.object({
        key: schema.string(),
        type: schema.oneOf([schema.literal('click'), schema.literal('loaded'), schema.literal('count')]),
        appName: leadingName(),
        eventName: name(),
        stats: schema.object({
          min: finiteNumber(),
          sum: count(),
          max: finiteNumber(),
          avg: finiteNumber(),
        }),
      })
    )
  ),
  application_usage: schema.maybe(
    schema.recordOf(
      schema.string(),
      schema.object({
        minutesOnScreen: new RuleType<number>(minutesProblem),
        numberOfClicks: count(),
      })
    )
  ),
});

export type ReportSchemaType = TypeOf<typeof reportSchema>;

const reportBodySchema = schema.object({ report: reportSchema });
export type ReportBody = TypeOf<typeof reportBodySchema>;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Exactly a given set of keys (JSON objects never hold `undefined`). A report's entries are all written by
 * one reporter, in one key order: the order last seen is compared first, a comparison per key instead of
 * a search, and any other order is checked in full (and then remembered).
 */
class KeySet {
  private order: readonly string[];

  constructor(private readonly keys: readonly string[]) {
    this.order = keys;
  }

  public matches(value: Plain): boolean {
    let count = 0;
    for (const key in value) {
      if (key !== this.order[count]) return this.matchesInAnyOrder(value);
      count++;
    }
    return count === this.keys.length;
  }

  private matchesInAnyOrder(value: Plain): boolean {
    const order: string[] = [];
    for (const key in value) {
      if (!this.keys.includes(key)) return false;
      order.push(key);
    }
    if (order.length !== this.keys.length) return false;
    this.order = order;
    return true;
  }
}

const REPORT_KEYS = ['reportVersion', 'userAgent', 'uiStatsMetrics', 'application_usage'];
const BODY_KEYS = new KeySet(['report']);
const USER_AGENT_KEYS = new KeySet(['key', 'type', 'appName', 'userAgent']);
const METRIC_KEYS = new KeySet(['key', 'type', 'appName', 'eventName', 'stats']);
const STATS_KEYS = new KeySet(['min', 'sum', 'max', 'avg']);
const APP_USAGE_KEYS = new KeySet(['minutesOnScreen', 'numberOfClicks']);
const METRIC_TYPES = ['click', 'loaded', 'count'];

/** As `everyValue`, for a record whose keys are checked too (few entries: a user agent or two). */
function everyEntry(record: unknown, check: (key: string, entry: unknown) => boolean) {
  if (record === undefined) return true;
  if (!isPlain(record)) return false;
  for (const [key, value] of Object.entries(record)) if (!check(key, value)) return false;
  return true;
}

function everyValue(record: unknown, check: (entry: unknown) => boolean) {
  if (record === undefined) return true;
  if (!isPlain(record)) return false;
  // One native call: a record of many distinct keys makes `record[key]` a slow lookup each time.
  const values = Object.values(record);
  for (let i = 0; i < values.length; i++) if (!check(values[i])) return false;
  return true;
}

const ok = (problem: string | undefined) => problem === undefined;

/**
 * True when `body` is already in the exact form the schema would accept and return unchanged: then
 * validating it is a plain walk, asking the same rules (report_rules.ts) as the schema. Anything else
 * (extra keys, wrong types, a value a rule refuses) takes the schema's path, which fails with the
 * message naming the field.
 */
export function isCanonicalBody(body: unknown): body is ReportBody {
  if (!isPlain(body) || !BODY_KEYS.matches(body)) return false;
  const report = body.report;
  if (!isPlain(report)) return false;
  for (const key in report) if (!REPORT_KEYS.includes(key)) return false;
  if (report.reportVersion !== undefined && report.reportVersion !== REPORT_VERSION) return false;
  return (
    everyEntry(
      report.userAgent,
      (key, e) =>
        ok(nameProblem(key, true)) &&
        isPlain(e) &&
        USER_AGENT_KEYS.matches(e) &&
        typeof e.type === 'string' &&
        typeof e.appName === 'string' &&
        ok(nameProblem(e.key)) &&
        ok(nameProblem(e.userAgent))
    ) &&
    everyValue(report.uiStatsMetrics, (e) => {
      if (!isPlain(e) || !METRIC_KEYS.matches(e) || typeof e.key !== 'string') return false;
      if (!METRIC_TYPES.includes(e.type as string)) return false;
      if (!ok(nameProblem(e.appName, true)) || !ok(nameProblem(e.eventName))) return false;
      const stats = e.stats;
      return (
        isPlain(stats) &&
        STATS_KEYS.matches(stats) &&
        ok(countProblem(stats.sum)) &&
        ok(finiteNumberProblem(stats.min)) &&
        ok(finiteNumberProblem(stats.max)) &&
        ok(finiteNumberProblem(stats.avg))
      );
    }) &&
    everyValue(
      report.application_usage,
      (e) => isPlain(e) && APP_USAGE_KEYS.matches(e) && ok(minutesProblem(e.minutesOnScreen)) && ok(countProblem(e.numberOfClicks))
    )
  );
}

/**
 * Application ids are the keys of `application_usage`, which the schema takes as any string: they are held
 * to the name rules here, on both paths. The message quotes the id rather than putting it in the path.
 */
export function assertApplicationIds(report: ReportSchemaType, namespace?: string) {
  const usage = report.application_usage;
  if (!usage) return;
  for (const appId in usage) {
    const problem = applicationIdProblem(appId);
    if (problem) throw new ValidationError(new SchemaTypeError(problem, ['report', 'application_usage']), namespace);
  }
}

/**
 * The `{ report }` body of `POST /api/ui_metric/report`: upstream's schema and messages, with the stored
 * values held to report_rules.ts (counts are non-negative safe integers, names short and printable, no
 * strings converted to numbers). Validating a 100-metric report through the generic schema costs about
 * ten times parsing it, so a body already in canonical form is checked by a direct walk instead; every
 * other body goes through the schema, so every error message is the schema's.
 */
export class ReportBodyType extends Type<ReportBody> {
  constructor() {
    super(schema.any().getSchema());
  }

  public validate(value: unknown, context: Record<string, any> = {}, namespace?: string): ReportBody {
    if (!isCanonicalBody(value)) return validateBySchema(value, namespace, context);
    assertApplicationIds(value.report, namespace);
    return value;
  }
}

/** A body the canonical walk refused, through the schema (so every message is the schema's) and the id rules. */
export function validateBySchema(value: unknown, namespace?: string, context: Record<string, any> = {}): ReportBody {
  const body = reportBodySchema.validate(value, context, namespace);
  assertApplicationIds(body.report, namespace);
  return body;
}
