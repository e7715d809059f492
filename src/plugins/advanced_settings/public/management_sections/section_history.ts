import type { ScopedHistory } from '../../../../core/public';
import type { ManagementSectionHistory } from './types';

type AppHistory = ManagementSectionHistory;
type Location = ScopedHistory['location'];

/**
 * The Management app's history narrowed to one section: `/` here is `sectionPath` in the app. Every call
 * goes straight to the app's history, so one `push` is one browser history entry.
 */
export class SectionHistory implements ManagementSectionHistory {
  constructor(private readonly appHistory: AppHistory, private readonly sectionPath: string) {}

  public get location(): Location {
    const location = this.appHistory.location;
    return { ...location, pathname: this.relative(location.pathname) };
  }

  public push(path: string | Partial<Location>, state?: unknown) {
    this.appHistory.push(this.absolute(path), state);
  }

  public replace(path: string | Partial<Location>, state?: unknown) {
    this.appHistory.replace(this.absolute(path), state);
  }

  public goBack() {
    this.appHistory.goBack();
  }

  /** Calls `listener` on every location change inside this section; returns the unsubscribe function. */
  public listen(listener: (location: Location) => void) {
    return this.appHistory.listen((location) => {
      if (!this.owns(location.pathname)) return;
      listener({ ...location, pathname: this.relative(location.pathname) });
    });
  }

  public createHref(location: string | Partial<Location>) {
    return this.appHistory.createHref(this.absolute(location));
  }

  private owns(pathname: string) {
    return pathname === this.sectionPath || pathname.startsWith(`${this.sectionPath}/`);
  }

  private relative(pathname: string) {
    return this.owns(pathname) ? pathname.slice(this.sectionPath.length) || '/' : pathname;
  }

  private absolute(path: string | Partial<Location>) {
    const given = typeof path === 'string' ? path : `${path.pathname ?? ''}${path.search ?? ''}${path.hash ?? ''}`;
    // The section's root with a query is `<section>?q`, not `<section>/?q`.
    const text = /^\/[?#]/.test(given) ? given.slice(1) : given;
    if (text === '' || text === '/') return this.sectionPath;
    if (text.startsWith('?') || text.startsWith('#')) return `${this.sectionPath}${text}`;
    return `${this.sectionPath}${text.startsWith('/') ? '' : '/'}${text}`;
  }
}
