import { useEffect, useState } from 'react';
import { Observable } from 'rxjs';

/**
 * The latest value of an observable, re-rendering on each new one. Pass a stable observable (created once,
 * not on every render).
 */
export function useObservable<T>(observable$: Observable<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    // The updater form keeps function values (mount points) from being called as updaters.
    const subscription = observable$.subscribe((next) => setValue(() => next));
    return () => subscription.unsubscribe();
  }, [observable$]);
  return value;
}
