/**
 * The renderer's only door to the agent: the Electron bridge (`window.schedSync`) inside the desktop app,
 * or the loopback HTTP API when the same UI is served by the headless agent.
 */
import type { AgentApi } from '../../../preload/contract';
import { createHttpApi, takeTokenFromLocation } from './http-client';
import { followEvents, type LiveEvent } from './live-events';

declare global {
  interface Window {
    schedSync?: AgentApi;
  }
}

/** The agent API and, where the transport has one, its live event stream. */
export interface AgentClient {
  api: AgentApi;
  /** Calls `listener` on every live event; returns the unsubscribe function. Absent: the UI polls instead. */
  subscribe?: (listener: (event: LiveEvent) => void) => () => void;
}

/** Picks the transport the page was opened with. */
export function createClient(): AgentClient {
  if (window.schedSync) return { api: window.schedSync };
  const origin = window.location.origin;
  const token = takeTokenFromLocation(window.location, window.history, window.sessionStorage);
  return {
    api: createHttpApi(origin, token),
    subscribe: (listener) => followEvents(origin, token, listener),
  };
}

/** Picks the transport the page was opened with (the API only). */
export function createApi(): AgentApi {
  return createClient().api;
}
