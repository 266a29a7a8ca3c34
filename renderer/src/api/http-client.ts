/** The agent API over loopback HTTP (shared/API.md §2), typed by the same contract as the Electron bridge. */
import {
  operationNames,
  requestOf,
  type AgentApi,
  type ApiErrorBody,
  type OperationName,
} from '../../../preload/contract';

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

/** Builds the HTTP client: one method per operation, each sent to its route in the contract. */
export function createHttpApi(origin: string, token: string | null): AgentApi {
  async function call(op: OperationName, input?: unknown): Promise<unknown> {
    const { method, path, body } = requestOf(op, (input ?? {}) as Record<string, unknown>);
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
    return data;
  }
  return Object.fromEntries(
    operationNames.map((op) => [op, (input?: unknown) => call(op, input)]),
  ) as unknown as AgentApi;
}
