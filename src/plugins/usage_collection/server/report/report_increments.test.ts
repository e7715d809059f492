import { reportToIncrements } from './report_increments';

describe('reportToIncrements', () => {
  it('turns metrics, user agents and application usage into increments', () => {
    const increments = reportToIncrements({
      reportVersion: 1,
      uiStatsMetrics: {
        a: { key: 'a', type: 'click', appName: 'myApp', eventName: 'my_event', stats: { min: 0, max: 3, sum: 3, avg: 1 } },
        b: { key: 'b', type: 'count', appName: 'myApp', eventName: 'my_event', stats: { min: 0, max: 2, sum: 2, avg: 1 } },
      },
      userAgent: { u: { key: 'opensearchDashboards-user_agent', type: 'user_agent', appName: 'opensearchDashboards', userAgent: 'UA/1.0' } },
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

  it('gives nothing for an empty report', () => {
    expect(reportToIncrements({})).toEqual({ counters: [], applicationUsage: [] });
  });
});
