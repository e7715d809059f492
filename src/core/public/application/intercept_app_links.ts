import { ApplicationStart } from './types';

/**
 * Turns plain left clicks on `<a href>` that point into the page's apps into in-page navigation, so apps
 * may use ordinary links (upstream wraps apps in `RedirectAppLinks` for the same reason). Returns the
 * function that removes the listener.
 */
export function interceptAppLinks(
  container: HTMLElement,
  application: Pick<ApplicationStart, 'navigateToUrl'>,
  isAppUrl: (url: URL) => boolean
) {
  const listener = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement | null)?.closest?.('a');
    if (!anchor || !anchor.href || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || !isAppUrl(url)) return;
    // A link to a hash on the same page is the browser's job.
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    event.preventDefault();
    void application.navigateToUrl(url.href);
  };
  container.addEventListener('click', listener);
  return () => container.removeEventListener('click', listener);
}
