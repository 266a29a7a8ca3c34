/** The agent API over loopback HTTP (shared/API.md §2), typed by the same contract as the Electron bridge. */
import type { AgentApi, ApiErrorBody } from '../../../preload/contract';

const tokenKey = 'sched-sync-token';

/** An API failure with the agent's error code and its message for people. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * Reads the bearer token from `#token=…` (the agent's `ui_url`), keeps it for this tab only and removes it from the
 * address bar so it is not bookmarked or shared by accident.
 */
export function takeTokenFromLocation(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(tokenKey, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(tokenKey);
}

/** Builds the HTTP client. */
export function createHttpApi(origin: string, token: string | null): AgentApi {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${origin}/api${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiCallError('unavailable', 'The Sched Sync agent is not reachable. Is it running?');
    }
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = (data as { error?: ApiErrorBody }).error;
      throw new ApiCallError(
        error?.code ?? 'internal',
        error?.message ?? `The agent answered ${response.status}.`,
      );
    }
    return data as T;
  }
  const enc = encodeURIComponent;
  return {
    connect: (input) => request('POST', '/calendars/connect', input),
    list: () => request('GET', '/calendars'),
    update: ({ calendar_id, ...rest }) => request('PUT', `/calendars/${enc(calendar_id)}`, rest),
    disconnect: ({ calendar_id }) => request('DELETE', `/calendars/${enc(calendar_id)}`),
    syncNow: (input) => request('POST', '/sync', input ?? {}),
    preview: ({ calendar_id }) => request('GET', `/calendars/${enc(calendar_id)}/preview`),
    review: ({ calendar_id, decision }) =>
      request('POST', `/calendars/${enc(calendar_id)}/review`, { decision }),
    conflicts: () => request('GET', '/conflicts'),
    resolveConflict: ({ id, resolution }) => request('POST', `/conflicts/${enc(id)}/resolve`, { resolution }),
    runs: () => request('GET', '/runs'),
    undo: ({ run_id }) => request('POST', `/runs/${enc(run_id)}/undo`),
    accounts: () => request('GET', '/accounts'),
    signIn: ({ provider }) => request('POST', `/accounts/${enc(provider)}/sign-in`),
    removeAccount: ({ account_id }) => request('DELETE', `/accounts/${enc(account_id)}`),
    accountCalendars: ({ account_id }) => request('GET', `/accounts/${enc(account_id)}/calendars`),
    configureSched: (input) => request('PUT', '/sched', input),
    schedResources: () => request('GET', '/sched/resources'),
    getSettings: () => request('GET', '/settings'),
    updateSettings: (input) => request('PUT', '/settings', input),
    status: () => request('GET', '/status'),
  };
}
