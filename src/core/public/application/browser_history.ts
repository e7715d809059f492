import { AppLocation } from './scoped_history';

/** The page's history, full paths (base path included). Swappable so the service can be tested in node. */
export interface PageHistory {
  getLocation(): AppLocation;
  push(url: string, state?: unknown): void;
  replace(url: string, state?: unknown): void;
  /** Back/forward buttons. */
  onPop(listener: () => void): void;
  /** A full page load (URLs outside the apps). */
  assign(url: string): void;
  origin(): string;
  /** Before the page unloads: `shouldAsk` true makes the browser ask the user whether to leave. */
  onBeforeUnload(shouldAsk: () => boolean): void;
}

/** `window.history` and `window.location`. */
export function createBrowserHistory(): PageHistory {
  return {
    getLocation: () => ({
      pathname: window.location.pathname,
      search: window.location.search,
      hash: window.location.hash,
      state: window.history.state,
    }),
    push: (url, state) => window.history.pushState(state ?? null, '', url),
    replace: (url, state) => window.history.replaceState(state ?? null, '', url),
    onPop: (listener) => window.addEventListener('popstate', listener),
    assign: (url) => window.location.assign(url),
    origin: () => window.location.origin,
    onBeforeUnload: (shouldAsk) =>
      window.addEventListener('beforeunload', (event) => {
        if (!shouldAsk()) return;
        // Both, for every browser: the standard call and the legacy property.
        event.preventDefault();
        event.returnValue = '';
      }),
  };
}

/** An in-memory history, for tests. */
export function createMemoryHistory(
  initial: string,
  origin = 'http://localhost:5601'
): PageHistory & { entries: string[]; assigned: string[]; wouldAskOnUnload(): boolean } {
  const entries = [initial];
  const assigned: string[] = [];
  let popListener: () => void = () => undefined;
  let unloadCheck: () => boolean = () => false;
  const parse = (url: string): AppLocation => {
    const parsed = new URL(url, origin);
    return { pathname: parsed.pathname, search: parsed.search, hash: parsed.hash };
  };
  return {
    entries,
    assigned,
    wouldAskOnUnload: () => unloadCheck(),
    getLocation: () => parse(entries[entries.length - 1]),
    push: (url) => entries.push(url),
    replace: (url) => (entries[entries.length - 1] = url),
    onPop: (listener) => (popListener = listener),
    assign: (url) => {
      assigned.push(url);
      popListener();
    },
    origin: () => origin,
    onBeforeUnload: (shouldAsk) => (unloadCheck = shouldAsk),
  };
}
