import type { ParsedReport } from './parse_report';
import type { ApplicationUsageIncrement } from './report_increments';

/**
 * A parsed report as it crosses from the report thread: the counters as two parallel arrays, because
 * copying a hundred small objects between threads costs several times what copying their fields does.
 */
export type EncodedParsedReport =
  | { ok: true; ids: string[]; incrementBy: number[]; applicationUsage: ApplicationUsageIncrement[] }
  | { ok: false; message: string };

export function encodeParsedReport(parsed: ParsedReport): EncodedParsedReport {
  if (!parsed.ok) return parsed;
  const { counters, applicationUsage } = parsed.increments;
  const ids = new Array<string>(counters.length);
  const incrementBy = new Array<number>(counters.length);
  for (let i = 0; i < counters.length; i++) {
    ids[i] = counters[i].id;
    incrementBy[i] = counters[i].incrementBy;
  }
  return { ok: true, ids, incrementBy, applicationUsage };
}

export function decodeParsedReport(encoded: EncodedParsedReport): ParsedReport {
  if (!encoded.ok) return encoded;
  const { ids, incrementBy, applicationUsage } = encoded;
  const counters = ids.map((id, i) => ({ id, incrementBy: incrementBy[i] }));
  return { ok: true, increments: { counters, applicationUsage } };
}
