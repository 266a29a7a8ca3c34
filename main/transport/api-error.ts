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

/**
 * Errors of our own whose messages are written for people and carry no secret (each class guarantees that), by
 * their `code`, and the API code each becomes.
 */
const readableCodes: Record<string, ApiErrorCode> = {
  validation: 'validation',
  not_found: 'not_found',
  precondition_failed: 'conflict',
  slot_unavailable: 'conflict',
  cursor_expired: 'unavailable',
  rate_limited: 'unavailable',
  unavailable: 'unavailable',
  auth: 'unavailable',
  reauth_required: 'unavailable',
  keychain_unavailable: 'unavailable',
  keychain_failed: 'unavailable',
  settings_invalid: 'internal',
};

const readableNames = new Set([
  'SettingsValidationError',
  'SettingsFileError',
  'KeychainUnavailableError',
  'SecretStoreError',
  'ServiceUnavailableError',
  'ReauthRequiredError',
  'SignInError',
  'TokenRefreshError',
  'CursorExpiredError',
  'PreconditionFailedError',
  'SlotUnavailableError',
  'NotFoundError',
  'AuthError',
  'RateLimitError',
  'NothingToReviewError',
  'ConflictNotFoundError',
  'ResolutionNotAllowedError',
  'RunNotUndoableError',
]);

/** The body a transport sends for a thrown error. */
export function toApiError(error: unknown): ApiErrorBody {
  if (error instanceof AgentError) return { code: error.code, message: error.message };
  if (error instanceof Error && readableNames.has(error.name)) {
    const code = (error as { code?: unknown }).code;
    return {
      code:
        (typeof code === 'string' && readableCodes[code]) ||
        (error.name.endsWith('NotFoundError') ? 'not_found' : 'conflict'),
      message: error.message,
    };
  }
  return { code: 'internal', message: 'Sched Sync hit an unexpected error. Details are in the log.' };
}
