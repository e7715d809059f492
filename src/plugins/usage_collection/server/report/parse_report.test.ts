import { parse as secureParse } from 'secure-json-parse';
import { exceedsJsonDepth, jsonDepthMessage } from '../../../../core/utils/json_depth';
import { parseReport } from './parse_report';
import { reportToIncrements } from './report_increments';
import { ReportBodyType } from './report_schema';

/** The rules as the route applied them before the canonical fast path: Fastify's parser, depth, schema. */
function reference(text: string) {
  if (text.length === 0) return parseReport(Buffer.alloc(0));
  let json: unknown;
  try {
    json = secureParse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    return { ok: false, message: 'Invalid request payload JSON format' };
  }
  if (exceedsJsonDepth(json)) return { ok: false, message: jsonDepthMessage() };
  try {
    return { ok: true, increments: reportToIncrements(new ReportBodyType().validate(json, {}, 'request body').report) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const stats = { min: 1, max: 2, sum: 3, avg: 1.5 };
/** The browser reporter's key order (packages/osd-analytics), and upstream's. */
const reporterMetric = (eventName: string) => ({ key: `app-click-${eventName}`, appName: 'app', eventName, type: 'click', stats });
const upstreamMetric = (eventName: string) => ({ key: `app-click-${eventName}`, type: 'click', appName: 'app', eventName, stats: { min: 1, sum: 3, max: 2, avg: 1.5 } });
const report = (uiStatsMetrics: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ report: { reportVersion: 1, uiStatsMetrics, ...extra } });

const BODIES: Record<string, string> = {
  reporterOrder: report({ a: reporterMetric('a'), b: reporterMetric('b') }),
  upstreamOrder: report({ a: upstreamMetric('a'), b: upstreamMetric('b') }),
  mixedOrders: report({ a: reporterMetric('a'), b: upstreamMetric('b'), c: reporterMetric('c') }),
  withBom: `\ufeff${report({ a: reporterMetric('a') })}`,
  protoMetricKey: `{"report":{"uiStatsMetrics":{"__proto__":${JSON.stringify(reporterMetric('a'))}}}}`,
  protoUserAgentKey: `{"report":{"userAgent":{"__proto__":{"key":"k","type":"user_agent","appName":"app","userAgent":"UA"}}}}`,
  protoApplicationKey: '{"report":{"application_usage":{"__proto__":{"minutesOnScreen":1,"numberOfClicks":1}}}}',
  constructorMetricKey: `{"report":{"uiStatsMetrics":{"constructor":${JSON.stringify(reporterMetric('a'))}}}}`,
  constructorWithPrototype: '{"report":{"uiStatsMetrics":{"constructor":{"prototype":{}}}}}',
  protoInStats: `{"report":{"uiStatsMetrics":{"a":{"key":"k","type":"click","appName":"app","eventName":"e","stats":{"__proto__":{}}}}}}`,
  missingStat: report({ a: { ...reporterMetric('a'), stats: { min: 1, max: 2, avg: 1 } } }),
  extraKey: report({ a: { ...reporterMetric('a'), extra: 1 } }),
  badAppId: report({}, { application_usage: { 'bad\u0007id': { minutesOnScreen: 1, numberOfClicks: 1 } } }),
  deep: `{"report":${'['.repeat(200)}${']'.repeat(200)}}`,
  deepAndPoisoned: `{"report":${'['.repeat(200)}{"__proto__":1}${']'.repeat(200)}}`,
  notAnObject: '"report"',
  nullBody: 'null',
  empty: '',
  malformed: '{"report":',
};

describe('parseReport', () => {
  it.each(Object.entries(BODIES))('answers %s exactly as the platform rules and the schema do', (_name, text) => {
    expect(parseReport(Buffer.from(text))).toEqual(reference(text));
  });

  it('reads canonical bodies, whatever their key order, into the same increments', () => {
    const counters = (text: string) => {
      const parsed = parseReport(Buffer.from(text));
      return parsed.ok ? parsed.increments.counters : parsed.message;
    };
    const expected = [
      { id: 'app:a', incrementBy: 3 },
      { id: 'app:b', incrementBy: 3 },
    ];
    expect(counters(BODIES.reporterOrder)).toEqual(expected);
    expect(counters(BODIES.upstreamOrder)).toEqual(expected);
    expect(counters(BODIES.reporterOrder)).toEqual(expected);
  });
});
