import { calculateLegacyStatus, LegacyStateSince, legacyAttributesOf } from './legacy_status';
import { ServiceStatus, ServiceStatusLevels } from './types';

const status = (level: keyof typeof ServiceStatusLevels, summary: string): ServiceStatus => ({ level: ServiceStatusLevels[level], summary });

describe('legacy status', () => {
  it('maps each level to upstream\'s state, title, nickname, icon and uiColor', () => {
    expect(legacyAttributesOf(ServiceStatusLevels.available)).toEqual({ state: 'green', title: 'Green', nickname: 'Looking good', icon: 'success', uiColor: 'secondary' });
    expect(legacyAttributesOf(ServiceStatusLevels.degraded)).toEqual({ state: 'yellow', title: 'Yellow', nickname: "I'll be back", icon: 'warning', uiColor: 'warning' });
    const red = { state: 'red', title: 'Red', nickname: 'Danger Will Robinson! Danger!', icon: 'danger', uiColor: 'danger' };
    expect(legacyAttributesOf(ServiceStatusLevels.unavailable)).toEqual(red);
    expect(legacyAttributesOf(ServiceStatusLevels.critical)).toEqual(red);
  });

  it('lists core services, then plugins, as <kind>:<name>@<version> with their summaries as messages', () => {
    const since = new LegacyStateSince(() => new Date('2024-01-01T00:00:00.000Z'));
    const info = calculateLegacyStatus({
      overall: status('critical', 'd is critical'),
      core: { opensearch: status('available', 'Service is working'), savedObjects: status('available', 'Service is working') },
      plugins: { a: status('available', 'a is available'), b: status('degraded', 'b is degraded'), c: status('unavailable', 'c is unavailable'), d: status('critical', 'd is critical') },
      versionWithoutSnapshot: '9.9.9',
      since,
    });
    const t = '2024-01-01T00:00:00.000Z';
    expect(info).toEqual({
      overall: { state: 'red', title: 'Red', nickname: 'Danger Will Robinson! Danger!', icon: 'danger', uiColor: 'danger', since: t },
      statuses: [
        { id: 'core:opensearch@9.9.9', state: 'green', message: 'Service is working', icon: 'success', uiColor: 'secondary', since: t },
        { id: 'core:savedObjects@9.9.9', state: 'green', message: 'Service is working', icon: 'success', uiColor: 'secondary', since: t },
        { id: 'plugin:a@9.9.9', state: 'green', message: 'a is available', icon: 'success', uiColor: 'secondary', since: t },
        { id: 'plugin:b@9.9.9', state: 'yellow', message: 'b is degraded', icon: 'warning', uiColor: 'warning', since: t },
        { id: 'plugin:c@9.9.9', state: 'red', message: 'c is unavailable', icon: 'danger', uiColor: 'danger', since: t },
        { id: 'plugin:d@9.9.9', state: 'red', message: 'd is critical', icon: 'danger', uiColor: 'danger', since: t },
      ],
    });
  });

  it('keeps `since` while a state holds and moves it when the state changes', () => {
    let now = new Date('2024-01-01T00:00:00.000Z');
    const since = new LegacyStateSince(() => now);
    const at = (level: keyof typeof ServiceStatusLevels) =>
      calculateLegacyStatus({ overall: status(level, 'x'), core: undefined, plugins: { a: status(level, 'x') }, versionWithoutSnapshot: '1.0.0', since });
    const first = at('available');
    now = new Date('2024-01-01T00:05:00.000Z');
    expect(at('available')).toEqual(first);
    // Unavailable then critical: both red, so the state did not change.
    const red = at('unavailable');
    expect(red.overall.since).toBe('2024-01-01T00:05:00.000Z');
    now = new Date('2024-01-01T00:10:00.000Z');
    expect(at('critical').statuses[0].since).toBe('2024-01-01T00:05:00.000Z');
  });
});
