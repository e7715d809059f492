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

type Internals = {
  threads: Array<{ caller: { alive: boolean; call: (...args: unknown[]) => unknown; close: () => Promise<void> }; decoder: { decodeBatch: (...args: unknown[]) => unknown } }>;
};
const threadsOf = (parser: ReportParser) => (parser as unknown as Internals).threads;

describe('ReportParser', () => {
  it('gives on its threads exactly what parsing on the event loop gives, and falls back once stopped', async () => {
    const parser = new ReportParser(createLoggerMock(), { threads: 2 });
    await parser.start();
    expect(threadsOf(parser).map((t) => t.caller.alive)).toEqual([true, true]);
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

  it('splits the bodies of one turn of the event loop between its threads, each answered with its own result', async () => {
    const parser = new ReportParser(createLoggerMock(), { threads: 2 });
    await parser.start();
    const calls = threadsOf(parser).map((t) => jest.spyOn(t.caller, 'call'));
    const bodies = [...Object.values(BODIES), BODIES.valid, BODIES.colon];
    // Twice: the second batch's ids are already in each thread's table.
    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(bodies.map((body) => parser.parse(Buffer.from(body))));
      expect(results).toEqual(bodies.map((body) => parseReport(Buffer.from(body))));
    }
    expect(calls.map((call) => call.mock.calls.length)).toEqual([2, 2]);
    await parser.stop();
  });

  it('stops using a thread that failed and keeps parsing with the other', async () => {
    const logger = createLoggerMock();
    const parser = new ReportParser(logger, { threads: 2 });
    await parser.start();
    const [first, second] = threadsOf(parser);
    jest.spyOn(first.caller, 'call').mockImplementationOnce(() => Promise.reject(new Error('boom')));
    const secondCall = jest.spyOn(second.caller, 'call');
    const bodies = [BODIES.valid, BODIES.colon, BODIES.valid, BODIES.badJson];
    // The failed thread's half is parsed on the event loop: every caller still gets its own result.
    expect(await Promise.all(bodies.map((body) => parser.parse(Buffer.from(body))))).toEqual(bodies.map((body) => parseReport(Buffer.from(body))));
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('A ui metric report thread failed (boom)'));
    expect(threadsOf(parser)).toEqual([second]);
    expect(await Promise.all(bodies.map((body) => parser.parse(Buffer.from(body))))).toEqual(bodies.map((body) => parseReport(Buffer.from(body))));
    expect(secondCall).toHaveBeenCalledTimes(2);
    await parser.stop();
  });

  it('does not decode the answers a failed thread still sends for batches it had taken before it failed', async () => {
    const parser = new ReportParser(createLoggerMock(), { threads: 1 });
    await parser.start();
    const [thread] = threadsOf(parser);
    const realCall = thread.caller.call.bind(thread.caller);
    let failFirst!: (error: Error) => void;
    jest
      .spyOn(thread.caller, 'call')
      .mockImplementationOnce(() => new Promise((_resolve, reject) => (failFirst = reject)))
      .mockImplementation((...args: unknown[]) => realCall(...args));
    const decode = jest.spyOn(thread.decoder, 'decodeBatch');
    const first = parser.parse(Buffer.from(BODIES.valid));
    await new Promise((resolve) => setImmediate(resolve));
    // A second batch goes to the same thread while the first is still out.
    const second = parser.parse(Buffer.from(BODIES.colon));
    await new Promise((resolve) => setImmediate(resolve));
    failFirst(new Error('boom'));
    expect(await first).toEqual(parseReport(Buffer.from(BODIES.valid)));
    expect(await second).toEqual(parseReport(Buffer.from(BODIES.colon)));
    expect(decode).not.toHaveBeenCalled();
    await parser.stop();
  });

  it('keeps parsing on the other thread when one has stopped', async () => {
    const parser = new ReportParser(createLoggerMock(), { threads: 2 });
    await parser.start();
    const [first, second] = threadsOf(parser);
    await first.caller.close();
    const secondCall = jest.spyOn(second.caller, 'call');
    const bodies = [BODIES.valid, BODIES.colon, BODIES.offSchema];
    expect(await Promise.all(bodies.map((body) => parser.parse(Buffer.from(body))))).toEqual(bodies.map((body) => parseReport(Buffer.from(body))));
    expect(secondCall).toHaveBeenCalledTimes(1);
    await parser.stop();
  });
});
