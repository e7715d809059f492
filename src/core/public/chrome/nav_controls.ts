import { BehaviorSubject, Observable } from 'rxjs';
import { MountPoint } from '../utils/mount';

/** Something a plugin puts into the header (upstream: the user menu of the security plugin). */
export interface ChromeNavControl {
  mount: MountPoint;
  /** Sort key, lower first (left to right); ties keep registration order. */
  order?: number;
}

/** `chrome.navControls`: header slots for plugins. Only the right-hand slot exists so far. */
export interface ChromeNavControls {
  /** Adds a control to the right of the top header bar; it stays for the life of the page. */
  registerRight(navControl: ChromeNavControl): void;
  /** The right-hand controls, sorted by `order`. */
  getRight$(): Observable<ChromeNavControl[]>;
}

/** Keeps the registered controls sorted; a control registered after start appears at once. */
export function createNavControls(): ChromeNavControls {
  const right$ = new BehaviorSubject<ChromeNavControl[]>([]);
  return {
    registerRight: (navControl) => {
      if (!navControl || typeof navControl.mount !== 'function') throw new Error('A nav control needs a "mount" function.');
      // Array.prototype.sort is stable, so equal orders keep the order they were registered in.
      right$.next([...right$.value, navControl].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)));
    },
    getRight$: () => right$.asObservable(),
  };
}
