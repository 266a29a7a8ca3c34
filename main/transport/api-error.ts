/**
 * Maps thrown errors to the contract's `{code, message}` by class: an `AppError` carries its API code and its
 * message (written for people, with no secret in it) to the caller; anything else is a bug, answered with a
 * generic 500 so internals never leak, and logged with its stack so it can be found.
 */
import type { ApiErrorBody, ApiErrorCode, OperationName } from '../../preload/contract';
import { AppError } from '../errors/app-error';

const httpStatus: Record<ApiErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  upstream: 502,
  internal: 500,
};

/** The HTTP status of an error code. */
export const statusOf = (code: ApiErrorCode): number => httpStatus[code];

/** Where a transport writes what went wrong (the agent's log; JSON lines, secrets redacted). */
export type TransportLog = (line: Record<string, unknown>) => void;

/** The message of every unexpected error: the details are in the log, never in the answer. */
export const unexpectedMessage = 'Sched Sync hit an unexpected error. Details are in the log.';

/** The body a transport sends for an error `op` threw, logging it: a refusal by its message, a bug with its stack. */
export function toApiError(error: unknown, op: OperationName | null, log: TransportLog): ApiErrorBody {
  if (error instanceof AppError) {
    log({ msg: 'api call refused', op, code: error.apiCode, error: error.name, message: error.message });
    return { code: error.apiCode, message: error.message };
  }
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  log({ msg: 'api call failed unexpectedly', op, code: 'internal', stack });
  return { code: 'internal', message: unexpectedMessage };
}
