/**
 * Errors in Google's JSON error format, so googleapis surfaces them exactly as it does for the real API.
 * https://cloud.google.com/apis/design/errors#http_mapping
 */
import type { SandboxResponse } from '../core/types';

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'NOT_FOUND',
  412: 'FAILED_PRECONDITION',
  500: 'INTERNAL',
};

/** A failure a handler throws; the route wrapper turns it into Google's error body. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly domain = 'global',
  ) {
    super(message);
  }
}

/** Renders a GoogleApiError as the response googleapis expects. */
export function errorResponse(error: GoogleApiError): SandboxResponse {
  const headers: Record<string, string> = {};
  if (error.code === 401) headers['www-authenticate'] = 'Bearer realm="https://accounts.google.com/"';
  return {
    status: error.code,
    headers,
    body: {
      error: {
        code: error.code,
        message: error.message,
        errors: [{ domain: error.domain, reason: error.reason, message: error.message }],
        status: statusNames[error.code] ?? 'UNKNOWN',
      },
    },
  };
}

/** 400 with reason `invalid` (Google's answer for a malformed parameter or field). */
export function invalid(message: string): GoogleApiError {
  return new GoogleApiError(400, 'invalid', message);
}

/** 400 with reason `required`. */
export function required(message: string): GoogleApiError {
  return new GoogleApiError(400, 'required', message);
}

/** 404 as Google answers for both unknown and foreign calendars and events. */
export function notFound(): GoogleApiError {
  return new GoogleApiError(404, 'notFound', 'Not Found');
}
