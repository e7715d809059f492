import { ReportBodyType, reportSchema } from './report_schema';

const body = new ReportBodyType();
const validate = (value: unknown) => body.validate(value, {}, 'request body');

const metric = (appName: string, eventName: string, sum = 1, type = 'click') => ({
  key: `${appName}-${type}-${eventName}`,
  type,
  appName,
  eventName,
  stats: { min: 0, max: sum, sum, avg: sum },
});

const fullReport = {
  reportVersion: 1,
  uiStatsMetrics: { a: metric('myApp', 'my_event', 3), b: metric('myApp', 'other:event', 2, 'count') },
  userAgent: { 'opensearchDashboards-user_agent': { key: 'opensearchDashboards-user_agent', type: 'user_agent', appName: 'opensearchDashboards', userAgent: 'Mozilla/5.0' } },
  application_usage: { home: { minutesOnScreen: 1.5, numberOfClicks: 4 } },
};

describe('ReportBodyType', () => {
  it('accepts upstream reports, and returns what the plain schema returns', () => {
    const input = { report: fullReport };
    expect(validate(input)).toEqual({ report: reportSchema.validate(fullReport) });
    expect(validate({ report: {} })).toEqual({ report: {} });
  });

  it('converts nothing: a numeric string is refused on every number, naming the field', () => {
    const stats = { min: 0, max: 1, sum: 1, avg: 1 };
    for (const field of ['min', 'sum', 'max', 'avg']) {
      const report = { uiStatsMetrics: { a: { ...metric('app', 'e'), stats: { ...stats, [field]: '7' } } } };
      expect(() => validate({ report })).toThrow(`[request body.report.uiStatsMetrics.a.stats.${field}]: expected value of type [number] but got [string]`);
    }
    expect(() => validate({ report: { application_usage: { home: { minutesOnScreen: '1', numberOfClicks: 1 } } } })).toThrow(
      '[request body.report.application_usage.home.minutesOnScreen]: expected value of type [number] but got [string]'
    );
    expect(() => validate({ report: { application_usage: { home: { minutesOnScreen: 1, numberOfClicks: '1' } } } })).toThrow(
      '[request body.report.application_usage.home.numberOfClicks]: expected value of type [number] but got [string]'
    );
    expect(() => validate({ report: { uiStatsMetrics: { a: { ...metric('app', 'e'), appName: 7 } } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.appName]: expected value of type [string] but got [number]'
    );
  });

  it.each([
    ['0.5', 0.5, 'must be an integer'],
    ['1e20', 1e20, 'Value must be equal to or lower than [9007199254740991].'],
    ['1.7e308', 1.7e308, 'Value must be equal to or lower than [9007199254740991].'],
    ['2^53', 2 ** 53, 'Value must be equal to or lower than [9007199254740991].'],
    ['Infinity (JSON 1e400)', Infinity, 'must be a finite number'],
    ['-1', -1, 'Value must be equal to or greater than [0].'],
    ['null', null, 'expected value of type [number] but got [null]'],
    ['true', true, 'expected value of type [number] but got [boolean]'],
  ])('refuses a count of %s, in stats.sum and numberOfClicks alike', (_label, value, message) => {
    const sum = { report: { uiStatsMetrics: { a: { ...metric('app', 'e'), stats: { min: 0, max: 1, sum: value, avg: 1 } } } } };
    expect(() => validate(sum)).toThrow(`[request body.report.uiStatsMetrics.a.stats.sum]: ${message}`);
    const clicks = { report: { application_usage: { home: { minutesOnScreen: 1, numberOfClicks: value } } } };
    expect(() => validate(clicks)).toThrow(`[request body.report.application_usage.home.numberOfClicks]: ${message}`);
  });

  it('takes the largest safe integer as a count, and any finite non-negative number of minutes', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(validate({ report: { uiStatsMetrics: { a: metric('app', 'e', max) } } }).report.uiStatsMetrics!.a.stats.sum).toBe(max);
    const usage = { home: { minutesOnScreen: 0.25, numberOfClicks: 0 } };
    expect(validate({ report: { application_usage: usage } }).report.application_usage).toEqual(usage);
    for (const [minutes, message] of [
      [Infinity, 'must be a finite number'],
      [-0.5, 'Value must be equal to or greater than [0].'],
      [1.7e308, 'Value must be equal to or lower than [9007199254740991].'],
    ] as const) {
      expect(() => validate({ report: { application_usage: { home: { minutesOnScreen: minutes, numberOfClicks: 0 } } } })).toThrow(
        `[request body.report.application_usage.home.minutesOnScreen]: ${message}`
      );
    }
    const badMin = { report: { uiStatsMetrics: { a: { ...metric('app', 'e'), stats: { min: -Infinity, max: 1, sum: 1, avg: 1 } } } } };
    expect(() => validate(badMin)).toThrow('[request body.report.uiStatsMetrics.a.stats.min]: must be a finite number');
  });

  it('holds names to 256 characters without control characters: app and event names, user agents, application ids', () => {
    const long = 'x'.repeat(257);
    expect(validate({ report: { uiStatsMetrics: { a: metric('x'.repeat(256), 'e') } } })).toBeDefined();
    // 256 characters of two UTF-16 units each are still 256 characters.
    expect(validate({ report: { uiStatsMetrics: { a: metric('app', '😀'.repeat(256)) } } })).toBeDefined();
    expect(() => validate({ report: { uiStatsMetrics: { a: metric('app', '😀'.repeat(257)) } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.eventName]: must be at most 256 characters'
    );
    expect(() => validate({ report: { uiStatsMetrics: { a: metric(long, 'e') } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.appName]: must be at most 256 characters'
    );
    for (const control of ['\u0000', '\n', '\u001b[31m', '\u007f', '\u0085']) {
      expect(() => validate({ report: { uiStatsMetrics: { a: metric('app', `e${control}`) } } })).toThrow(
        '[request body.report.uiStatsMetrics.a.eventName]: must not contain control characters'
      );
    }
    const agent = (key: string, userAgent: string) => ({ report: { userAgent: { u: { key, type: 'user_agent', appName: 'x', userAgent } } } });
    expect(() => validate(agent('k', long))).toThrow('[request body.report.userAgent.u.userAgent]: must be at most 256 characters');
    expect(() => validate(agent('k\r', 'ua'))).toThrow('[request body.report.userAgent.u.key]: must not contain control characters');
    expect(() => validate(agent(long, 'ua'))).toThrow('[request body.report.userAgent.u.key]: must be at most 256 characters');
    const agentAt = (recordKey: string) => ({ report: { userAgent: { [recordKey]: { key: 'k', type: 'user_agent', appName: 'x', userAgent: 'ua' } } } });
    expect(() => validate(agentAt(long))).toThrow(`[request body.report.userAgent.key("${long}")]: must be at most 256 characters`);
    expect(() => validate(agentAt('k\u0007'))).toThrow('must not contain control characters');
    expect(() => validate(agentAt(''))).toThrow('[request body.report.userAgent.key("")]: must not be empty');
    const usage = (appId: string) => ({ report: { application_usage: { [appId]: { minutesOnScreen: 1, numberOfClicks: 1 } } } });
    expect(() => validate(usage(long))).toThrow(
      `[request body.report.application_usage]: application id "${'x'.repeat(40)}…" must be at most 256 characters`
    );
    expect(() => validate(usage('home\u0007'))).toThrow(
      '[request body.report.application_usage]: application id "home\\u0007" must not contain control characters'
    );
  });

  it('fast path and schema agree: a body is accepted by one exactly when the plain schema accepts its report', () => {
    const values: unknown[] = [0, 1, 7, 0.5, -1, 1e20, 2 ** 53 - 1, 2 ** 53, Infinity, '7', null, 'x'.repeat(300), 'a:b', 'a\u0001', ''];
    for (const value of values) {
      for (const report of [
        { uiStatsMetrics: { a: { ...metric('app', 'e'), stats: { min: 0, max: 1, sum: value, avg: 1 } } } },
        { uiStatsMetrics: { a: { ...metric('app', 'e'), appName: value } } },
        { uiStatsMetrics: { a: { ...metric('app', 'e'), eventName: value } } },
        { application_usage: { home: { minutesOnScreen: value, numberOfClicks: 1 } } },
        { application_usage: { home: { minutesOnScreen: 1, numberOfClicks: value } } },
        ...(typeof value === 'string' ? [{ userAgent: { [value]: { key: 'k', type: 'user_agent', appName: 'a', userAgent: 'ua' } } }] : []),
        { userAgent: { u: { key: value, type: 'user_agent', appName: 'a', userAgent: 'ua' } } },
      ]) {
        const viaSchema = (() => {
          try {
            return reportSchema.validate(report);
          } catch {
            return 'refused';
          }
        })();
        const viaBody = (() => {
          try {
            return validate({ report }).report;
          } catch {
            return 'refused';
          }
        })();
        expect([value, viaBody]).toEqual([value, viaSchema]);
      }
    }
  });

  it('answers a malformed report with the schema message naming the field', () => {
    const wrongSum = { report: { uiStatsMetrics: { a: { ...metric('app', 'e'), stats: { min: 0, max: 1, sum: 'x', avg: 1 } } } } };
    expect(() => validate(wrongSum)).toThrow('[request body.report.uiStatsMetrics.a.stats.sum]: expected value of type [number] but got [string]');
    expect(() => validate({ report: { reportVersion: 2 } })).toThrow('[request body.report.reportVersion]: expected value to equal [1]');
    expect(() => validate({ report: { uiStatsMetrics: { a: { ...metric('app', 'e'), type: 'hover' } } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.type]'
    );
    expect(() => validate({ report: { uiStatsMetrics: { a: { ...metric('app', 'e'), extra: 1 } } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.extra]: definition for this key is missing'
    );
    expect(() => validate({ report: { application_usage: { home: { minutesOnScreen: 1 } } } })).toThrow(
      '[request body.report.application_usage.home.numberOfClicks]: expected value of type [number] but got [undefined]'
    );
    expect(() => validate({ report: 'x' })).toThrow('[request body.report]');
    expect(() => validate({ report: {}, more: 1 })).toThrow('[request body.more]: definition for this key is missing');
  });

  it('refuses ":" in an app name (it separates app and event in the id), empty names and negative counts', () => {
    expect(() => validate({ report: { uiStatsMetrics: { a: metric('my:app', 'e') } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.appName]: must not contain ":"'
    );
    expect(() => validate({ report: { uiStatsMetrics: { a: metric('', 'e') } } })).toThrow('[request body.report.uiStatsMetrics.a.appName]: must not be empty');
    expect(() => validate({ report: { uiStatsMetrics: { a: metric('app', 'e', -1) } } })).toThrow(
      '[request body.report.uiStatsMetrics.a.stats.sum]: Value must be equal to or greater than [0].'
    );
    // The record key is the first half of the user agent's id: no ':' there (the entry's own key is not in the id).
    expect(() =>
      validate({ report: { userAgent: { 'x:y': { key: 'k', type: 'user_agent', appName: 'x', userAgent: 'ua' } } } })
    ).toThrow('[request body.report.userAgent.key("x:y")]: must not contain ":"');
    expect(validate({ report: { userAgent: { u: { key: 'x:y', type: 'user_agent', appName: 'x', userAgent: 'ua' } } } })).toBeDefined();
    expect(() => validate({ report: { application_usage: { home: { minutesOnScreen: -1, numberOfClicks: 0 } } } })).toThrow(
      'minutesOnScreen]: Value must be equal to or greater than [0].'
    );
    expect(() => validate({ report: { application_usage: { '': { minutesOnScreen: 1, numberOfClicks: 0 } } } })).toThrow(
      '[request body.report.application_usage]: application id "" must not be empty'
    );
  });

  it('keeps ":" in an event name: everything after the first ":" is the event', () => {
    expect(validate({ report: { uiStatsMetrics: { a: metric('app', 'GET:_search') } } }).report.uiStatsMetrics!.a.eventName).toBe('GET:_search');
  });
});
