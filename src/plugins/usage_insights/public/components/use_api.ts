import { useEffect, useState } from 'react';
import type { HttpStart } from '../../../../core/public';

export type ApiState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; data: T };

/** GETs `path` (with `query`) whenever either changes; a late answer to an older request is dropped. */
export function useApi<T>(http: HttpStart, path: string, query?: Record<string, string | number>): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    http.get<T>(path, { query: JSON.parse(key) }).then(
      (data) => current && setState({ status: 'ok', data }),
      (error: Error) => current && setState({ status: 'error', message: error.message })
    );
    return () => {
      current = false;
    };
  }, [http, path, key]);
  return state;
}
