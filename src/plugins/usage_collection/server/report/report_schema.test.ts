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

  it('takes the schema path for convertible input: numeric strings become numbers, as the schema does', () => {
    const report = { uiStatsMetrics: { a: { ...metric('app', 'e'), stats: { min: '0', max: '1', sum: '1', avg: '1' } } } };
    expect(validate({ report }).report.uiStatsMetrics!.a.stats).toEqual({ min: 0, max: 1, sum: 1, avg: 1 });
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
    expect(() =>
      validate({ report: { userAgent: { u: { key: 'x:y', type: 'user_agent', appName: 'x', userAgent: 'ua' } } } })
    ).toThrow('[request body.report.userAgent.u.key]: must not contain ":"');
    expect(() => validate({ report: { application_usage: { home: { minutesOnScreen: -1, numberOfClicks: 0 } } } })).toThrow(
      'minutesOnScreen]: Value must be equal to or greater than [0].'
    );
  });

  it('keeps ":" in an event name: everything after the first ":" is the event', () => {
    expect(validate({ report: { uiStatsMetrics: { a: metric('app', 'GET:_search') } } }).report.uiStatsMetrics!.a.eventName).toBe('GET:_search');
  });
});
