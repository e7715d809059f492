import { BehaviorSubject, combineLatest, Observable, of } from 'rxjs';
import { distinctUntilChanged, map, switchMap } from 'rxjs/operators';
import { BasePath } from './base_path';
import { Fetch } from './fetch';
import { HttpSetup, HttpStart, IAnonymousPaths } from './types';

export interface HttpServiceDeps {
  basePath: string;
  serverBasePath: string;
  version: string;
  fetchImpl?: typeof fetch;
}

class AnonymousPaths implements IAnonymousPaths {
  private readonly paths = new Set<string>();
  constructor(private readonly basePath: BasePath) {}

  public isAnonymous(path: string) {
    const normalized = this.normalize(this.basePath.remove(path));
    return this.paths.has(normalized);
  }

  public register(path: string) {
    this.paths.add(this.normalize(path));
  }

  private normalize(path: string) {
    const lower = path.toLowerCase().split(/[?#]/)[0];
    return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
  }
}

/** The browser's HTTP client, the same object in setup and start. */
export class HttpService {
  private contract?: HttpSetup;
  private readonly loadingSources$ = new BehaviorSubject<Array<Observable<number>>>([]);

  constructor(private readonly deps: HttpServiceDeps) {}

  public setup(): HttpSetup {
    const basePath = new BasePath(this.deps.basePath, this.deps.serverBasePath);
    const fetcher = new Fetch({ basePath, version: this.deps.version, fetchImpl: this.deps.fetchImpl });
    this.loadingSources$.next([fetcher.getInFlight$()]);
    this.contract = {
      basePath,
      anonymousPaths: new AnonymousPaths(basePath),
      fetch: fetcher.fetch,
      get: fetcher.shorthand('GET'),
      post: fetcher.shorthand('POST'),
      put: fetcher.shorthand('PUT'),
      patch: fetcher.shorthand('PATCH'),
      delete: fetcher.shorthand('DELETE'),
      head: fetcher.shorthand('HEAD'),
      addLoadingCountSource: (count$) => this.loadingSources$.next([...this.loadingSources$.value, count$]),
      getLoadingCount$: () =>
        this.loadingSources$.pipe(
          switchMap((sources) => (sources.length ? combineLatest(sources) : of([0]))),
          map((counts) => counts.reduce((sum, n) => sum + Math.max(0, n), 0)),
          distinctUntilChanged()
        ),
    };
    return this.contract;
  }

  public start(): HttpStart {
    if (!this.contract) throw new Error('HttpService.start() called before setup()');
    return this.contract;
  }
}
