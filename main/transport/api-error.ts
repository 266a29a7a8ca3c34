/**
 * Maps thrown errors to the contract's `{code, message}`. Only `AgentError`s carry their message to the user;
 * anything else becomes a generic message so internals (and anything secret they may hold) never leak.
 */
import type { ApiErrorBody, ApiErrorCode } from '../../preload/contract';
import { AgentError } from '../agent/agent-error';

const httpStatus: Record<ApiErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status of an error code. */
export const statusOf = (code: ApiErrorCode): number => httpStatus[code];

/** The body a transport sends for a thrown error. */
export function toApiError(error: unknown): ApiErrorBody {
  if (error instanceof AgentError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Sched Sync hit an unexpected error. Details are in the log.' };
}
