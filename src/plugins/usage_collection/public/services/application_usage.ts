import type { Reporter } from '@osd/analytics';
import { combineLatest, Observable } from 'rxjs';
import { distinctUntilChanged, map } from 'rxjs/operators';

/** App ids never reported (upstream's legacy shell). */
const DO_NOT_REPORT = new Set(['opensearchDashboards']);

export interface ApplicationUsageDeps {
  currentAppId$: Observable<string | undefined>;
  /** The registered apps (`application.applications$`): only their ids are reported. */
  applications$: Observable<ReadonlyMap<string, unknown>>;
  reporter: Pick<Reporter, 'reportApplicationUsage' | 'reportClick' | 'resumeApplicationUsage' | 'persistNow' | 'flush' | 'leave' | 'start'>;
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

/**
 * Feeds the reporter with the app on screen and the clicks in it:
 * - an app change closes the previous app's session (minutes on screen, clicks); only registered apps
 *   open one, so a mistyped `/app/nope` never becomes a key of the report (the page shows "not found");
 * - `visibilitychange` to hidden closes it too, writes storage and sends the batch; visible reopens it;
 * - `pagehide` (the page is left or reloaded) closes it and hands everything to `reporter.leave()`;
 *   a page restored from the back/forward cache (`pageshow` persisted) starts again.
 * Returns the function that undoes all of it.
 */
export function trackApplicationUsage({ currentAppId$, applications$, reporter, window: win, document: doc }: ApplicationUsageDeps) {
  let leaving = false;
  /** The registered app on screen; none on a "not found" page, where nothing is counted. */
  let onScreen: string | undefined;
  const subscription = combineLatest([currentAppId$, applications$])
    .pipe(
      map(([appId, apps]) => (appId !== undefined && apps.has(appId) ? appId : undefined)),
      distinctUntilChanged()
    )
    .subscribe((appId) => {
      onScreen = appId;
      if (appId === undefined || !DO_NOT_REPORT.has(appId)) reporter.reportApplicationUsage(appId);
    });
  const onClick = () => reporter.reportClick();
  const onVisibilityChange = () => {
    if (leaving) return;
    if (doc.visibilityState === 'hidden') {
      reporter.reportApplicationUsage(undefined);
      reporter.persistNow();
      void reporter.flush();
    } else if (onScreen !== undefined) {
      // Not on an unknown app's page: the reporter would reopen the last known app there.
      reporter.resumeApplicationUsage();
    }
  };
  const onPageHide = () => {
    leaving = true;
    reporter.leave();
  };
  const onPageShow = (event: Event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    leaving = false;
    reporter.start();
    if (onScreen !== undefined) reporter.resumeApplicationUsage();
  };
  win.addEventListener('click', onClick, { capture: true, passive: true });
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('pageshow', onPageShow);
  doc.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    subscription.unsubscribe();
    win.removeEventListener('click', onClick, { capture: true });
    win.removeEventListener('pagehide', onPageHide);
    win.removeEventListener('pageshow', onPageShow);
    doc.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
