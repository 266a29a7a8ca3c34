import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../lib/errors';

/** A loaded value: the last data (kept while reloading, so tables do not flicker) and the last failure. */
export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` on mount and whenever `load` or `key` changes (pass the agent's change counter as `key`).
 * `load` must be stable (wrap it in useCallback).
 */
export function useLoader<T>(load: () => Promise<T>, key: unknown): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: string | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        live && setState((s) => ({ data: s.data, error: messageOf(error), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [load, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
