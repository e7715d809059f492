import { BehaviorSubject, combineLatest, Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { ApplicationStart, PublicAppInfo } from '../application/types';
import { ChromeBreadcrumb, ChromeStart } from './types';

const PRODUCT_NAME = 'OpenSearch Dashboards';

/** Breadcrumbs, title and visibility of the header; each app change resets them to the app's defaults. */
export class ChromeService {
  private readonly breadcrumbs$ = new BehaviorSubject<ChromeBreadcrumb[]>([]);
  private readonly isVisible$ = new BehaviorSubject(true);
  private navLinks$?: Observable<PublicAppInfo[]>;

  public start({ application }: { application: ApplicationStart }): ChromeStart {
    let currentTitle: string | undefined;
    const setTitle = (parts: string[]) => {
      document.title = [...parts, PRODUCT_NAME].join(' - ');
    };
    combineLatest([application.currentAppId$, application.applications$]).subscribe(([appId, apps]) => {
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
    return {
      setBreadcrumbs: (breadcrumbs) => this.breadcrumbs$.next(breadcrumbs),
      getBreadcrumbs$: () => this.breadcrumbs$.asObservable(),
      docTitle: {
        change: (title) => setTitle(Array.isArray(title) ? title : [title]),
        reset: () => setTitle(currentTitle ? [currentTitle] : []),
      },
      setIsVisible: (visible) => this.isVisible$.next(visible),
      getIsVisible$: () => this.isVisible$.asObservable(),
      navLinks: { getNavLinks$: () => navLinks$ },
    };
  }
}
