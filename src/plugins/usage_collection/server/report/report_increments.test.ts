import { reportToIncrements } from './report_increments';

describe('reportToIncrements', () => {
  it('turns metrics, user agents and application usage into increments', () => {
    const increments = reportToIncrements({
      reportVersion: 1,
      uiStatsMetrics: {
        a: { key: 'a', type: 'click', appName: 'myApp', eventName: 'my_event', stats: { min: 0, max: 3, sum: 3, avg: 1 } },
        b: { key: 'b', type: 'count', appName: 'myApp', eventName: 'my_event', stats: { min: 0, max: 2, sum: 2, avg: 1 } },
      },
      userAgent: { 'opensearchDashboards-user_agent': { key: 'opensearchDashboards-user_agent', type: 'user_agent', appName: 'opensearchDashboards', userAgent: 'UA/1.0' } },
      application_usage: { home: { minutesOnScreen: 1.5, numberOfClicks: 4 } },
    });
    expect(increments).toEqual({
      counters: [
        { id: 'myApp:my_event', incrementBy: 3 },
        { id: 'myApp:my_event', incrementBy: 2 },
        { id: 'opensearchDashboards-user_agent:UA/1.0', incrementBy: 1 },
      ],
      applicationUsage: [{ appId: 'home', minutesOnScreen: 1.5, numberOfClicks: 4 }],
    });
  });

  it('names a user agent counter by its record key, as upstream, not by the key field inside the entry', () => {
    const increments = reportToIncrements({
      userAgent: {
        'myApp-user_agent': { key: 'something-else', type: 'user_agent', appName: 'myApp', userAgent: 'UA/2.0' },
        other: { key: 'other', type: 'user_agent', appName: 'other', userAgent: 'UA:with:colons' },
      },
    });
    expect(increments.counters).toEqual([
      { id: 'myApp-user_agent:UA/2.0', incrementBy: 1 },
      { id: 'other:UA:with:colons', incrementBy: 1 },
    ]);
  });

  it('gives nothing for an empty report', () => {
    expect(reportToIncrements({})).toEqual({ counters: [], applicationUsage: [] });
  });
});
