import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentClient } from '../api/client';

const quietPollMs = 15_000;
const busyPollMs = 2_000;
const eventDebounceMs = 250;

/**
 * The change counter every view reloads on: bumped by live events (debounced, a run sends many), by a poll (fast
 * while a run is in progress, slow otherwise, so the desktop app without an event stream stays current too) and by
 * the UI's own writes through `changed()`.
 */
export function useLiveVersion(client: AgentClient, busy: boolean) {
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const pendingEvent = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!client.subscribe) return;
    const unsubscribe = client.subscribe(() => {
      if (pendingEvent.current) return;
      pendingEvent.current = setTimeout(() => {
        pendingEvent.current = null;
        changed();
      }, eventDebounceMs);
    });
    return () => {
      unsubscribe();
      if (pendingEvent.current) clearTimeout(pendingEvent.current);
      pendingEvent.current = null;
    };
  }, [client, changed]);

  useEffect(() => {
    const timer = setInterval(changed, busy ? busyPollMs : quietPollMs);
    return () => clearInterval(timer);
  }, [changed, busy]);

  return { version, changed };
}
