import type { CheckedReport, ParsedReport } from './parse_report';
import { applicationUsageOf, forEachCounter, type ApplicationUsageIncrement, type CounterIncrement } from './report_increments';
import type { ReportSchemaType } from './report_schema';

/**
 * Parsed reports as they cross from the report thread, a batch at a time. A deployment counts a bounded
 * set of ids, the same ones report after report, and copying a hundred strings to the event loop costs
 * it more than the rest of the route. So both sides keep the same table of ids: a counter crosses as its
 * index in that table, and an id crosses as a string once, in the batch that first names it. Past
 * `MAX_SHARED_IDS` (say, a client inventing ids) new ids are sent as strings every time, so the tables
 * stay bounded. The counters of the whole batch travel in two typed arrays, copied as plain bytes.
 */
export const MAX_SHARED_IDS = 16_384;

/** A counter whose id is not in the table: its id is the next of its report's `literals`. */
const LITERAL = -1;

export type EncodedParsedReport =
  /** The report's counters are the next `counters` entries of the batch's arrays. */
  | { ok: true; counters: number; literals?: string[]; applicationUsage?: ApplicationUsageIncrement[] }
  | { ok: false; message: string }
  /** The parser itself threw (a bug): the request fails with a 500, as a throw on the event loop would. */
  | { ok: 'threw'; message: string };

export interface EncodedBatch {
  /** Ids added to the table by this batch, in table order: the decoder appends them first. */
  newIds: string[];
  /** Every counter of the batch, report after report: its table index (or LITERAL), and its count. */
  codes: Int32Array;
  counts: Float64Array;
  results: EncodedParsedReport[];
}

/**
 * The report thread's half: assigns table indexes to ids as it first sees them. The table is keyed by the
 * two halves of an id (see `forEachCounter`), strings the JSON parser already hashed: a known counter costs
 * two lookups, and its id is never put together on this side.
 */
export class ParsedReportEncoder {
  private readonly table = new Map<string, Map<string, number>>();
  private size = 0;

  constructor(private readonly maxIds = MAX_SHARED_IDS) {}

  /** Checks every body with `check`; one body's failure never affects the others or the table. */
  public encodeBatch(bodies: Uint8Array[], check: (body: Uint8Array) => CheckedReport): EncodedBatch {
    const checked = bodies.map((body) => {
      try {
        return check(body);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
    const batch: EncodedBatch = { newIds: [], codes: new Int32Array(128 * bodies.length), counts: new Float64Array(128 * bodies.length), results: [] };
    let at = 0;
    for (const report of checked) {
      if (report instanceof Error) {
        batch.results.push({ ok: 'threw', message: String(report.stack ?? report) });
      } else if (!report.ok) {
        batch.results.push(report);
      } else {
        const { count, literals } = this.encodeCounters(report.report, batch, at);
        at += count;
        const applicationUsage = applicationUsageOf(report.report);
        batch.results.push({ ok: true, counters: count, ...(literals && { literals }), ...(applicationUsage.length > 0 && { applicationUsage }) });
      }
    }
    // Copies of the used part: a view would take the whole buffer along.
    batch.codes = batch.codes.slice(0, at);
    batch.counts = batch.counts.slice(0, at);
    return batch;
  }

  /** Writes the report's counters from `at` in the batch's arrays; returns how many, and the ids sent as text. */
  private encodeCounters(report: ReportSchemaType, batch: EncodedBatch, at: number) {
    let count = 0;
    let literals: string[] | undefined;
    forEachCounter(report, (first, second, incrementBy) => {
      if (at + count === batch.codes.length) grow(batch);
      let seconds = this.table.get(first);
      let code = seconds?.get(second);
      if (code === undefined && this.size < this.maxIds) {
        code = this.size++;
        if (!seconds) this.table.set(first, (seconds = new Map()));
        seconds.set(second, code);
        batch.newIds.push(`${first}:${second}`);
      }
      if (code === undefined) (literals ??= []).push(`${first}:${second}`);
      batch.codes[at + count] = code ?? LITERAL;
      batch.counts[at + count] = incrementBy;
      count++;
    });
    return { count, literals };
  }
}

function grow(batch: EncodedBatch) {
  const codes = new Int32Array(batch.codes.length * 2);
  const counts = new Float64Array(batch.counts.length * 2);
  codes.set(batch.codes);
  counts.set(batch.counts);
  batch.codes = codes;
  batch.counts = counts;
}

/** The event loop's half. Batches must be decoded in the order the thread answered them. */
export class ParsedReportDecoder {
  private readonly ids: string[] = [];

  public decodeBatch(batch: EncodedBatch): Array<ParsedReport | Error> {
    for (const id of batch.newIds) this.ids.push(id);
    let at = 0;
    return batch.results.map((encoded) => {
      if (encoded.ok === 'threw') return new Error(`the ui metric report thread failed: ${encoded.message}`);
      if (!encoded.ok) return encoded;
      const decoded = this.decode(batch, at, encoded);
      at += encoded.counters;
      return decoded;
    });
  }

  private decode(batch: EncodedBatch, at: number, encoded: { counters: number; literals?: string[]; applicationUsage?: ApplicationUsageIncrement[] }): ParsedReport {
    const { codes, counts } = batch;
    const counters = new Array<CounterIncrement>(encoded.counters);
    let literal = 0;
    for (let i = 0; i < counters.length; i++) {
      const code = codes[at + i];
      // A count read from a Float64Array is a double, boxed on the heap; most counts fit a small integer.
      const count = counts[at + i];
      counters[i] = { id: code === LITERAL ? encoded.literals![literal++] : this.ids[code], incrementBy: (count | 0) === count ? count | 0 : count };
    }
    return { ok: true, increments: { counters, applicationUsage: encoded.applicationUsage ?? [] } };
  }
}
