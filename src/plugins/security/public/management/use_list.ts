import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './security_api';

export interface ListState<T> {
  items: T[];
  loading: boolean;
  /** Why the last load failed; the previous items stay. */
  error?: string;
  /** Loads again (after a change); never rejects. */
  reload(): Promise<void>;
}

/** Loads a list when mounted and on `reload`, ignoring answers that arrive after unmount. */
export function useList<T>(load: () => Promise<T[]>): ListState<T> {
  const [state, setState] = useState<{ items: T[]; loading: boolean; error?: string }>({ items: [], loading: true });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  const reload = useCallback(async () => {
    setState((current) => ({ ...current, loading: true }));
    try {
      const items = await load();
      if (mounted.current) setState({ items, loading: false });
    } catch (error) {
      if (mounted.current) setState((current) => ({ ...current, loading: false, error: errorMessage(error) }));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
