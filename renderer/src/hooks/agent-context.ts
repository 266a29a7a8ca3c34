/** What every view needs from the app: the agent API and a way to say "something changed, reload". */
import { createContext, useContext } from 'react';
import type { AgentApi } from '../../../preload/contract';

export interface AgentContextValue {
  api: AgentApi;
  /** Bumps on every change the UI should show: live events, polls, and the UI's own writes. */
  version: number;
  /** Asks every view to reload (after a write). */
  changed: () => void;
}

export const AgentContext = createContext<AgentContextValue | null>(null);

/** The agent API and the change counter; only inside `<AgentContext.Provider>`. */
export function useAgent(): AgentContextValue {
  const value = useContext(AgentContext);
  if (!value) throw new Error('useAgent() needs an AgentContext.Provider above it.');
  return value;
}
