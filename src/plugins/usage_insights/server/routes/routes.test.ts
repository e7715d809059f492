import { coreMock, httpServerMock, httpServiceMock } from '../../../../core/server/mocks';
import { registerRoutes } from '.';
import { daysQuery, limitQuery } from './query_schemas';

type QuerySchema = typeof daysQuery | typeof limitQuery;
const query = (spec: QuerySchema, data: Record<string, string>) => httpServerMock.validateRoutePart(spec as typeof daysQuery, data, 'query');
const failure = (spec: QuerySchema, data: Record<string, string>) => {
  try {
    query(spec, data);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a validation failure');
};

describe('query validation', () => {
  it('takes whole days from 1 to 90, 30 by default', () => {
    expect(query(daysQuery, {})).toEqual({ days: 30 });
    expect(query(daysQuery, { days: '7' })).toEqual({ days: 7 });
    expect(query(daysQuery, { days: '90' })).toEqual({ days: 90 });
    expect(failure(daysQuery, { days: '0' })).toBe('[request query.days]: Value must be equal to or greater than [1].');
    expect(failure(daysQuery, { days: '91' })).toBe('[request query.days]: Value must be equal to or lower than [90].');
    expect(failure(daysQuery, { days: '2.5' })).toBe('[request query.days]: must be a whole number');
    expect(failure(daysQuery, { days: 'week' })).toBe('[request query.days]: expected value of type [number] but got [string]');
    expect(failure(daysQuery, { days: '7', from: '2026-01-01' })).toBe('[request query.from]: definition for this key is missing');
  });

  it('takes a limit of 1 to 100 events, 20 by default', () => {
    expect(query(limitQuery, {})).toEqual({ limit: 20 });
    expect(query(limitQuery, { limit: '100' })).toEqual({ limit: 100 });
    expect(failure(limitQuery, { limit: '101' })).toContain('[request query.limit]');
    expect(failure(limitQuery, { limit: '-1' })).toContain('[request query.limit]');
    expect(failure(limitQuery, { limit: '1e1000' })).toContain('[request query.limit]');
  });
});

describe('route registration', () => {
  const router = httpServiceMock.createRouter('usageInsights');
  registerRoutes({ router, getServices: () => undefined });

  it('registers five GET routes, each requiring usage_insights:read', () => {
    expect(router.routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'get /api/usage_insights/applications',
      'get /api/usage_insights/collectors',
      'get /api/usage_insights/reports',
      'get /api/usage_insights/ui_events',
      'get /api/usage_insights/usage_counters',
    ]);
    for (const route of router.routes) expect(route.options?.tags).toEqual(['access:usage_insights:read']);
  });

  it('answers 503 before start', async () => {
    for (const route of router.routes) {
      const request = httpServerMock.createOpenSearchDashboardsRequest({ method: route.method, path: route.path, query: { days: 7, limit: 5 } });
      const response = await route.handler(coreMock.createRequestHandlerContext(), request, httpServerMock.createResponseFactory());
      expect([route.path, response.status]).toEqual([route.path, 503]);
    }
  });
});
