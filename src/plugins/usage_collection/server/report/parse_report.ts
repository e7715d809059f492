import { parse as parseJsonSafely } from 'secure-json-parse';
// The platform's nesting rule for JSON bodies; a light module, so the report thread stays small.
import { exceedsJsonDepth, jsonDepthMessage } from '../../../../core/utils/json_depth';
import { reportToIncrements, type ReportIncrements } from './report_increments';
import { ReportBodyType } from './report_schema';

/** A report body read and checked: its increments, or the 400 message naming what is wrong. */
export type ParsedReport = { ok: true; increments: ReportIncrements } | { ok: false; message: string };

const bodyType = new ReportBodyType();

/**
 * Everything `POST /api/ui_metric/report` does to a body before storing it: JSON parsing with the
 * platform's rules and messages (prototype poisoning refused, as Fastify does), the report schema with
 * the router's messages (`[request body.report...]: ...`), and the conversion to increments. Pure, so
 * it runs the same on the report thread and, as a fallback, on the event loop.
 */
export function parseReport(body: Uint8Array): ParsedReport {
  if (body.length === 0) {
    // What the schema says of a missing body.
    return { ok: false, message: '[request body.report]: expected value of type [object] but got [undefined]' };
  }
  let json: unknown;
  try {
    json = parseJsonSafely(Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8'), undefined, {
      protoAction: 'error',
      constructorAction: 'error',
    });
  } catch {
    return { ok: false, message: 'Invalid request payload JSON format' };
  }
  // Parsed routes get this check from the router; this route parses its body itself.
  if (exceedsJsonDepth(json)) return { ok: false, message: jsonDepthMessage() };
  let report;
  try {
    report = bodyType.validate(json, {}, 'request body').report;
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  return { ok: true, increments: reportToIncrements(report) };
}
