import { BehaviorSubject, combineLatest, Observable, of, Subscription } from 'rxjs';
import { distinctUntilChanged, map, switchMap } from 'rxjs/operators';
import { isEqual } from 'lodash';
import { CoreStatus, CurrentStatus, InternalStatusServiceSetup, ServiceStatus, ServiceStatusLevels, StatusServiceSetup } from './types';

const available = (summary: string): ServiceStatus => ({ level: ServiceStatusLevels.available, summary });

export function worstOf(statuses: ServiceStatus[]): ServiceStatus {
  if (statuses.length === 0) return available('All services are available');
  const worst = statuses.reduce((a, b) => (b.level.value > a.level.value ? b : a));
  if (worst.level.value === 0) return available('All services are available');
  const count = statuses.filter((s) => s.level === worst.level).length;
  return { level: worst.level, summary: count === 1 ? worst.summary : `${count} services are ${worst.level.id}` };
}

/**
 * Tracks the status of core services and plugins. A plugin with no status of its own inherits the worst status
 * of its dependencies, so a broken dependency shows up on the plugins that need it.
 */
export class StatusService {
  private readonly coreStatuses = {
    savedObjects: new BehaviorSubject<Observable<ServiceStatus>>(of(available('SavedObjects service is ready'))),
    opensearch: new BehaviorSubject<Observable<ServiceStatus>>(of(available('OpenSearch is not configured; the embedded store is in use'))),
  };
  private readonly pluginSources = new Map<string, BehaviorSubject<Observable<ServiceStatus> | undefined>>();
  private readonly pluginDeps = new Map<string, readonly string[]>();
  private readonly core$: Observable<CoreStatus>;
  private readonly overall$: Observable<ServiceStatus>;
  private readonly plugins$ = new BehaviorSubject<Record<string, ServiceStatus>>({});
  private subscription?: Subscription;
  private latestCore?: CoreStatus;

  constructor() {
    this.core$ = combineLatest({
      savedObjects: this.coreStatuses.savedObjects.pipe(switchMap((s) => s)),
      opensearch: this.coreStatuses.opensearch.pipe(switchMap((s) => s)),
    }).pipe(distinctUntilChanged(isEqual));
    this.overall$ = combineLatest([this.core$, this.plugins$]).pipe(
      map(([core, plugins]) => worstOf([...Object.values(core), ...Object.values(plugins)])),
      distinctUntilChanged(isEqual)
    );
  }

  public setup(): InternalStatusServiceSetup {
    return {
      core$: this.core$,
      overall$: this.overall$,
      setCoreStatus: (service, status$) => this.coreStatuses[service].next(status$),
      forPlugin: (pluginId, dependencies) => this.forPlugin(pluginId, dependencies),
    };
  }

  /** Starts following plugin statuses (after every plugin had its chance to `set` one in setup). */
  public start() {
    this.subscription = this.core$.subscribe((core) => (this.latestCore = core));
    const ids = [...this.pluginSources.keys()];
    const resolved = new Map<string, Observable<ServiceStatus>>();
    // Dependencies are registered before dependants (setup order), so one pass resolves inheritance.
    for (const id of ids) {
      const own$ = this.pluginSources.get(id)!.pipe(
        switchMap((source) => {
          if (source) return source;
          const deps = (this.pluginDeps.get(id) ?? []).filter((d) => resolved.has(d));
          if (deps.length === 0) return of(available('All dependencies are available'));
          return combineLatest(deps.map((d) => resolved.get(d)!)).pipe(
            map((statuses) => {
              const worst = worstOf(statuses);
              return worst.level.value === 0
                ? available('All dependencies are available')
                : { level: worst.level, summary: `Dependency is ${worst.level.id}: ${worst.summary}` };
            })
          );
        })
      );
      resolved.set(id, own$);
    }
    if (ids.length === 0) return;
    const all$ = combineLatest(ids.map((id) => resolved.get(id)!)).pipe(
      map((statuses) => Object.fromEntries(ids.map((id, i) => [id, statuses[i]])))
    );
    this.subscription.add(all$.subscribe((plugins) => this.plugins$.next(plugins)));
  }

  public getCurrent(): CurrentStatus {
    const plugins = this.plugins$.getValue();
    const core = this.latestCore;
    return { core, plugins, overall: worstOf([...(core ? Object.values(core) : []), ...Object.values(plugins)]) };
  }

  public stop() {
    this.subscription?.unsubscribe();
  }

  private forPlugin(pluginId: string, dependencies: readonly string[]): StatusServiceSetup {
    const source = new BehaviorSubject<Observable<ServiceStatus> | undefined>(undefined);
    this.pluginSources.set(pluginId, source);
    this.pluginDeps.set(pluginId, dependencies);
    return {
      core$: this.core$,
      overall$: this.overall$,
      set: (status$) => source.next(status$),
      dependencies$: this.plugins$.pipe(
        map((all) => Object.fromEntries(dependencies.filter((d) => all[d]).map((d) => [d, all[d]])))
      ),
    };
  }
}
