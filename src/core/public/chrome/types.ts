import { Observable } from 'rxjs';
import { PublicAppInfo } from '../application/types';
import type { ChromeNavControls } from './nav_controls';

export interface ChromeBreadcrumb {
  text: string;
  href?: string;
  onClick?: (event: React.MouseEvent) => void;
  'data-test-subj'?: string;
}

export interface ChromeDocTitle {
  /** Sets the browser tab's title: `<title> - OpenSearch Dashboards`. Parts of an array are joined with ' - '. */
  change(title: string | string[]): void;
  /** Back to the current app's title. */
  reset(): void;
}

/** `chrome`: the header around the apps. */
export interface ChromeStart {
  setBreadcrumbs(breadcrumbs: ChromeBreadcrumb[]): void;
  getBreadcrumbs$(): Observable<ChromeBreadcrumb[]>;
  docTitle: ChromeDocTitle;
  /** Hides the header (full-screen apps); it comes back on the next app change. */
  setIsVisible(isVisible: boolean): void;
  /** False while hidden by `setIsVisible(false)` or while a `chromeless` app is shown. */
  getIsVisible$(): Observable<boolean>;
  /** Header slots for plugins' own controls (a user menu, say). */
  navControls: ChromeNavControls;
  navLinks: {
    /** The apps shown in the header, in order. */
    getNavLinks$(): Observable<PublicAppInfo[]>;
  };
}
