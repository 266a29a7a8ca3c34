import { useCallback, useState } from 'react';
import { messageOf } from '../lib/errors';

/** One write at a time: which one is running (to disable buttons and label them) and the last failure. */
export interface Action {
  /** The name of the running action, or null. */
  busy: string | null;
  error: string | null;
  /** Runs `work` unless another action runs; resolves with its result, or undefined when it failed. */
  run: <T>(name: string, work: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

/** Tracks a component's writes to the agent. */
export function useAction(): Action {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(name);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
