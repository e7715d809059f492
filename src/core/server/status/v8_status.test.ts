import { calculateV8Status, toV8Status } from './v8_status';
import { ServiceStatusLevels } from './types';

describe('v8 status', () => {
  it('is the statuses as JSON: level ids, summaries, and detail or meta only when set', () => {
    expect(toV8Status({ level: ServiceStatusLevels.degraded, summary: 'slow' })).toEqual({ level: 'degraded', summary: 'slow' });
    expect(toV8Status({ level: ServiceStatusLevels.critical, summary: 'x', detail: 'why', meta: { n: 1 } })).toEqual({ level: 'critical', summary: 'x', detail: 'why', meta: { n: 1 } });
  });

  it('has exactly overall, core and plugins', () => {
    const ok = { level: ServiceStatusLevels.available, summary: 'ok' };
    const info = calculateV8Status({ overall: ok, core: { opensearch: ok, savedObjects: ok }, plugins: { a: ok } });
    expect(info).toEqual({
      overall: { level: 'available', summary: 'ok' },
      core: { opensearch: { level: 'available', summary: 'ok' }, savedObjects: { level: 'available', summary: 'ok' } },
      plugins: { a: { level: 'available', summary: 'ok' } },
    });
    expect(JSON.parse(JSON.stringify(info.overall))).not.toHaveProperty('state');
    expect(calculateV8Status({ overall: ok, core: undefined, plugins: {} }).core).toEqual({});
  });
});
