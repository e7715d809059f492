import { BehaviorSubject, firstValueFrom } from 'rxjs';
import { StatusService, worstOf } from './status_service';
import { ServiceStatus, ServiceStatusLevels } from './types';

const degraded: ServiceStatus = { level: ServiceStatusLevels.degraded, summary: 'slow' };
const available: ServiceStatus = { level: ServiceStatusLevels.available, summary: 'ok' };

describe('StatusService', () => {
  it('gives plugins without a status of their own the worst status of their dependencies', async () => {
    const service = new StatusService();
    const setup = service.setup();
    const a$ = new BehaviorSubject<ServiceStatus>(available);
    setup.forPlugin('a', []).set(a$);
    setup.forPlugin('b', ['a']);
    setup.forPlugin('c', []);
    service.start();
    expect(service.getCurrent().overall.level).toBe(ServiceStatusLevels.available);
    a$.next(degraded);
    const current = service.getCurrent();
    expect(current.plugins.a.level).toBe(ServiceStatusLevels.degraded);
    expect(current.plugins.b.level).toBe(ServiceStatusLevels.degraded);
    expect(current.plugins.b.summary).toContain('Dependency is degraded');
    expect(current.plugins.c.level).toBe(ServiceStatusLevels.available);
    expect(current.overall.level).toBe(ServiceStatusLevels.degraded);
    service.stop();
  });

  it('includes core services in the overall level', async () => {
    const service = new StatusService();
    const setup = service.setup();
    setup.setCoreStatus('opensearch', new BehaviorSubject({ level: ServiceStatusLevels.unavailable, summary: 'down' }));
    service.start();
    expect((await firstValueFrom(setup.overall$)).level).toBe(ServiceStatusLevels.unavailable);
    expect(service.getCurrent().core!.opensearch.summary).toBe('down');
    service.stop();
  });

  it('summarises several services at the worst level', () => {
    expect(worstOf([degraded, degraded, available]).summary).toBe('2 services are degraded');
    expect(worstOf([]).level).toBe(ServiceStatusLevels.available);
  });
});
