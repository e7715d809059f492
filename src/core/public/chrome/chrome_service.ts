import { BehaviorSubject, combineLatest, Observable } from 'rxjs';
import { distinctUntilChanged, map } from 'rxjs/operators';
import { ApplicationStart, PublicAppInfo } from '../application/types';
import { createNavControls } from './nav_controls';
import { ChromeBreadcrumb, ChromeStart } from './types';

const PRODUCT_NAME = 'OpenSearch Dashboards';

/**
 * Breadcrumbs, title and visibility of the header; each app change resets them to the app's defaults. A
 * `chromeless` app hides the header whatever `setIsVisible` said.
 */
export class ChromeService {
  private readonly breadcrumbs$ = new BehaviorSubject<ChromeBreadcrumb[]>([]);
  private readonly isVisible$ = new BehaviorSubject(true);
  private readonly chromeless$ = new BehaviorSubject(false);
  private navLinks$?: Observable<PublicAppInfo[]>;

  public start({ application }: { application: ApplicationStart }): ChromeStart {
    let currentTitle: string | undefined;
    const setTitle = (parts: string[]) => {
      document.title = [...parts, PRODUCT_NAME].join(' - ');
    };
    combineLatest([application.currentAppId$, application.applications$]).subscribe(([appId, apps]) => {
      this.chromeless$.next(Boolean(appId && apps.get(appId)?.chromeless));
      const title = appId ? apps.get(appId)?.title : undefined;
      if (title === currentTitle) return;
      currentTitle = title;
      this.breadcrumbs$.next(title ? [{ text: title }] : []);
      this.isVisible$.next(true);
      setTitle(title ? [title] : []);
    });
    this.navLinks$ = application.applications$.pipe(
      map((apps) => [...apps.values()].filter((app) => app.navLinkStatus !== 'hidden'))
    );
    const navLinks$ = this.navLinks$;
    const visible$ = combineLatest([this.isVisible$, this.chromeless$]).pipe(
      map(([visible, chromeless]) => visible && !chromeless),
      distinctUntilChanged()
    );
    return {
      setBreadcrumbs: (breadcrumbs) => this.breadcrumbs$.next(breadcrumbs),
      getBreadcrumbs$: () => this.breadcrumbs$.asObservable(),
      docTitle: {
        change: (title) => setTitle(Array.isArray(title) ? title : [title]),
        reset: () => setTitle(currentTitle ? [currentTitle] : []),
      },
      setIsVisible: (visible) => this.isVisible$.next(visible),
      getIsVisible$: () => visible$,
      navLinks: { getNavLinks$: () => navLinks$ },
      navControls: createNavControls(),
    };
  }
}
