import { createLoggerMock } from '../mocks';
import { parseReport } from './parse_report';
import { ReportParser } from './report_parser';

const metric = { key: 'a', type: 'click', appName: 'app', eventName: 'e', stats: { min: 0, max: 2, sum: 2, avg: 1 } };
const BODIES: Record<string, string> = {
  valid: JSON.stringify({
    report: {
      reportVersion: 1,
      uiStatsMetrics: { a: metric, b: { ...metric, eventName: 'f', stats: { ...metric.stats, sum: 5 } } },
      userAgent: { 'app-user_agent': { key: 'app-user_agent', type: 'user_agent', appName: 'app', userAgent: 'Firefox' } },
      application_usage: { home: { minutesOnScreen: 1.5, numberOfClicks: 3 } },
    },
  }),
  empty: '',
  badJson: '{"report": {',
  poisoned: '{"report": {"__proto__": {"polluted": true}}}',
  offSchema: JSON.stringify({ report: { uiStatsMetrics: { a: { ...metric, type: 'hover' } } } }),
  colon: JSON.stringify({ report: { uiStatsMetrics: { a: { ...metric, appName: 'a:b' } } } }),
  deep: `{"report":${'['.repeat(5000)}${']'.repeat(5000)}}`,
};

describe('parseReport', () => {
  it('turns a valid body into increments', () => {
    expect(parseReport(Buffer.from(BODIES.valid))).toEqual({
      ok: true,
      increments: {
        counters: [
          { id: 'app:e', incrementBy: 2 },
          { id: 'app:f', incrementBy: 5 },
          { id: 'app-user_agent:Firefox', incrementBy: 1 },
        ],
        applicationUsage: [{ appId: 'home', minutesOnScreen: 1.5, numberOfClicks: 3 }],
      },
    });
  });

  it('names what is wrong, with the platform and schema messages', () => {
    const message = (name: string) => {
      const parsed = parseReport(Buffer.from(BODIES[name]));
      return parsed.ok ? 'ok' : parsed.message;
    };
    expect(message('empty')).toBe('[request body.report]: expected value of type [object] but got [undefined]');
    expect(message('badJson')).toBe('Invalid request payload JSON format');
    expect(message('poisoned')).toBe('Invalid request payload JSON format');
    expect(message('offSchema')).toMatch(/^\[request body\.report\.uiStatsMetrics\.a\.type\]: /);
    expect(message('colon')).toBe('[request body.report.uiStatsMetrics.a.appName]: must not contain ":"');
    expect(message('deep')).toBe('Request body JSON is nested deeper than 100 levels');
  });
});

describe('ReportParser', () => {
  it('gives on its thread exactly what parsing on the event loop gives, and falls back once stopped', async () => {
    const parser = new ReportParser(createLoggerMock());
    await parser.start();
    expect((parser as unknown as { thread?: { alive: boolean } }).thread?.alive).toBe(true);
    for (const body of Object.values(BODIES)) {
      expect(await parser.parse(Buffer.from(body))).toEqual(parseReport(Buffer.from(body)));
    }
    // A small body is a view on Node's shared buffer pool: only its own bytes are read.
    const pooled = Buffer.from(BODIES.colon);
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    expect(await parser.parse(pooled)).toEqual(parseReport(pooled));
    await parser.stop();
    expect(await parser.parse(Buffer.from(BODIES.valid))).toEqual(parseReport(Buffer.from(BODIES.valid)));
  });

  it('sends the bodies of one turn of the event loop together, each answered with its own result', async () => {
    const parser = new ReportParser(createLoggerMock());
    await parser.start();
    const thread = (parser as unknown as { thread: { call: (...args: unknown[]) => unknown } }).thread;
    const call = jest.spyOn(thread, 'call');
    const bodies = [...Object.values(BODIES), BODIES.valid, BODIES.colon];
    const results = await Promise.all(bodies.map((body) => parser.parse(Buffer.from(body))));
    expect(results).toEqual(bodies.map((body) => parseReport(Buffer.from(body))));
    expect(call).toHaveBeenCalledTimes(1);
    await parser.stop();
  });
});
