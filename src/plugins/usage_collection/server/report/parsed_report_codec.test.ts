import { checkReport, parseReport, type CheckedReport } from './parse_report';
import { ParsedReportDecoder, ParsedReportEncoder } from './parsed_report_codec';
import type { ReportSchemaType } from './report_schema';

const stats = (sum: number) => ({ min: 0, max: sum, sum, avg: sum });
/** A checked report counting `app:event` ids (one ui metric each) and an optional user agent. */
function report(ids: string[], extra: Partial<ReportSchemaType> = {}): CheckedReport {
  const uiStatsMetrics: Record<string, unknown> = {};
  ids.forEach((id, i) => {
    const [appName, eventName] = id.split(':');
    uiStatsMetrics[`k${i}`] = { key: `k${i}`, type: 'click', appName, eventName, stats: stats(i + 1) };
  });
  return { ok: true, report: { uiStatsMetrics, ...extra } as ReportSchemaType };
}
const counters = (ids: string[]) => ids.map((id, i) => ({ id, incrementBy: i + 1 }));

/** Encodes a batch of ready-made results, as the report thread would, and decodes it on the other side. */
function roundTrip(encoder: ParsedReportEncoder, decoder: ParsedReportDecoder, results: Array<CheckedReport | Error>) {
  const bodies = results.map((_r, i) => new Uint8Array([i]));
  const encoded = encoder.encodeBatch(bodies, (body) => {
    const result = results[body[0]];
    if (result instanceof Error) throw result;
    return result;
  });
  return { encoded, decoded: decoder.decodeBatch(structuredClone(encoded)) };
}

describe('parsed report codec', () => {
  it('gives back what was parsed; an id crosses as text once, then as its index', () => {
    const encoder = new ParsedReportEncoder();
    const decoder = new ParsedReportDecoder();
    const usage = { home: { minutesOnScreen: 1.5, numberOfClicks: 2 } };
    // Its record key is the first half of its id.
    const agent = { a: { key: 'a', type: 'user_agent', appName: 'a', userAgent: 'x' } };
    const one = roundTrip(encoder, decoder, [report(['a:x', 'a:y'], { application_usage: usage, userAgent: agent }), { ok: false, message: 'bad' }, report(['a:y', 'b:z'])]);
    expect(one.decoded).toEqual([
      // The user agent `a:x` is the same counter as the metric `a:x`.
      { ok: true, increments: { counters: [...counters(['a:x', 'a:y']), { id: 'a:x', incrementBy: 1 }], applicationUsage: [{ appId: 'home', minutesOnScreen: 1.5, numberOfClicks: 2 }] } },
      { ok: false, message: 'bad' },
      { ok: true, increments: { counters: counters(['a:y', 'b:z']), applicationUsage: [] } },
    ]);
    expect(one.encoded.newIds).toEqual(['a:x', 'a:y', 'b:z']);

    const two = roundTrip(encoder, decoder, [report(['b:z', 'a:x', 'c:w'])]);
    expect(two.decoded).toEqual([{ ok: true, increments: { counters: counters(['b:z', 'a:x', 'c:w']), applicationUsage: [] } }]);
    expect(two.encoded.newIds).toEqual(['c:w']);
  });

  it('past its size, sends new ids as text every time, and stays exact; large batches grow their arrays', () => {
    const encoder = new ParsedReportEncoder(2);
    const decoder = new ParsedReportDecoder();
    const many = Array.from({ length: 300 }, (_v, i) => `app:e${i}`);
    const { encoded, decoded } = roundTrip(encoder, decoder, [report(['a:a', 'a:b', 'a:c', 'a:d']), report(['a:d', 'a:a', 'a:c']), report(many)]);
    expect(decoded).toEqual([
      { ok: true, increments: { counters: counters(['a:a', 'a:b', 'a:c', 'a:d']), applicationUsage: [] } },
      { ok: true, increments: { counters: counters(['a:d', 'a:a', 'a:c']), applicationUsage: [] } },
      { ok: true, increments: { counters: counters(many), applicationUsage: [] } },
    ]);
    expect(encoded.newIds).toEqual(['a:a', 'a:b']);
  });

  it('turns a check that threw into an error for that body only', () => {
    const encoder = new ParsedReportEncoder();
    const decoder = new ParsedReportDecoder();
    const { decoded } = roundTrip(encoder, decoder, [report(['a:x']), new Error('boom'), report(['a:x', 'b:y'])]);
    expect(decoded[0]).toEqual({ ok: true, increments: { counters: counters(['a:x']), applicationUsage: [] } });
    expect(decoded[1]).toBeInstanceOf(Error);
    expect((decoded[1] as Error).message).toMatch(/^the ui metric report thread failed: Error: boom/);
    expect(decoded[2]).toEqual({ ok: true, increments: { counters: counters(['a:x', 'b:y']), applicationUsage: [] } });
  });

  it('decodes real bodies to exactly what parseReport gives', () => {
    const encoder = new ParsedReportEncoder();
    const decoder = new ParsedReportDecoder();
    const body = (n: number) =>
      Buffer.from(
        JSON.stringify({
          report: {
            uiStatsMetrics: Object.fromEntries(Array.from({ length: n }, (_v, i) => [`m${i}`, { key: `m${i}`, type: 'count', appName: `app${i % 3}`, eventName: `e${i}`, stats: stats(i) }])),
            userAgent: { u: { key: 'app0-user_agent', type: 'user_agent', appName: 'app0', userAgent: 'UA/1' } },
          },
        })
      );
    const bodies = [body(3), Buffer.from('{"report":'), body(150), body(3)];
    const decoded = decoder.decodeBatch(structuredClone(encoder.encodeBatch(bodies, checkReport)));
    expect(decoded).toEqual(bodies.map((b) => parseReport(b)));
  });
});
