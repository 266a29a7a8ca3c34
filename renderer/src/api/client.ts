/**
 * The renderer's only door to the agent: the Electron bridge (`window.schedSync`) inside the desktop app,
 * or the loopback HTTP API when the same UI is served by the headless agent.
 */
import type { AgentApi } from '../../../preload/contract';
import { createHttpApi, takeTokenFromLocation } from './http-client';

declare global {
  interface Window {
    schedSync?: AgentApi;
  }
}

/** Picks the transport the page was opened with. */
export function createApi(): AgentApi {
  if (window.schedSync) return window.schedSync;
  return createHttpApi(
    window.location.origin,
    takeTokenFromLocation(window.location, window.history, window.sessionStorage),
  );
}
