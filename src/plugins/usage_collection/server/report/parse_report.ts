import { scan as scanForPrototypeKeys } from 'secure-json-parse';
// The platform's nesting rule for JSON bodies; a light module, so the report thread stays small.
import { exceedsJsonDepth, jsonDepthMessage } from '../../../../core/utils/json_depth';
import { reportToIncrements, type ReportIncrements } from './report_increments';
import { assertApplicationIds, isCanonicalBody, validateBySchema, type ReportSchemaType } from './report_schema';

/** A report body read and checked: its increments, or the 400 message naming what is wrong. */
export type ParsedReport = { ok: true; increments: ReportIncrements } | { ok: false; message: string };
/** The same, before the conversion to increments: the validated report. */
export type CheckedReport = { ok: true; report: ReportSchemaType } | { ok: false; message: string };

const NAMESPACE = 'request body';
const INVALID_JSON = { ok: false, message: 'Invalid request payload JSON format' } as const;
const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Everything `POST /api/ui_metric/report` does to a body before storing it: JSON parsing with the
 * platform's rules and messages (prototype poisoning refused, as Fastify's parser does; the nesting
 * limit), the report schema with the router's messages (`[request body.report...]: ...`), and the
 * conversion to increments. Pure, so it runs the same on the report thread and, as a fallback, on the
 * event loop.
 *
 * A body in the report's canonical form (what browsers send) is checked by one walk: its shape bounds its
 * depth to 5, and the only place it could hold a `__proto__` key is as a record key, looked up directly;
 * a `constructor` key there is harmless (the parser refuses one only with a `prototype` inside, which a
 * canonical entry cannot have). Every other body takes the general path, each rule in the platform's
 * order, so answers and messages are the same either way.
 */
export function parseReport(body: Uint8Array): ParsedReport {
  const checked = checkReport(body);
  return checked.ok ? { ok: true, increments: reportToIncrements(checked.report) } : checked;
}

/** `parseReport` without the conversion to increments (the report thread encodes the report itself). */
export function checkReport(body: Uint8Array): CheckedReport {
  if (body.length === 0) {
    // What the schema says of a missing body.
    return { ok: false, message: '[request body.report]: expected value of type [object] but got [undefined]' };
  }
  let text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
  // A leading byte order mark is skipped, as Fastify's parser (secure-json-parse) does.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
  if (isCanonicalBody(json) && !hasPrototypeRecordKey(json.report)) {
    try {
      assertApplicationIds(json.report, NAMESPACE);
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
    return { ok: true, report: json.report };
  }
  return checkGeneralBody(json);
}

function hasPrototypeRecordKey(report: ReportSchemaType): boolean {
  const { userAgent, uiStatsMetrics, application_usage: usage } = report;
  return (
    (userAgent !== undefined && hasOwn(userAgent, '__proto__')) ||
    (uiStatsMetrics !== undefined && hasOwn(uiStatsMetrics, '__proto__')) ||
    (usage !== undefined && hasOwn(usage, '__proto__'))
  );
}

/** The platform's rules in their order: prototype keys, nesting (parsed routes get it from the router), schema. */
function checkGeneralBody(json: unknown): CheckedReport {
  if (typeof json === 'object' && json !== null) {
    try {
      scanForPrototypeKeys(json, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return INVALID_JSON;
    }
  }
  if (exceedsJsonDepth(json)) return { ok: false, message: jsonDepthMessage() };
  let report;
  try {
    // Not `ReportBodyType.validate`: this body already failed the canonical walk, which it would run again.
    report = validateBySchema(json, NAMESPACE).report;
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  return { ok: true, report };
}
