/** Sched's error responses: `{"error":{"code","message"}}` (API.md §3), with `field` on validation errors. */
import type { SandboxResponse } from '../core/types';

/** A Sched error response. */
export function schedError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): SandboxResponse {
  return { status, headers, body: { error: { code, message } } };
}

/** A 400 that names the field a person has to fix. */
export function validationError(field: string, message: string): SandboxResponse {
  return {
    status: 400,
    body: { error: { code: 'validation_error', message: `${field}: ${message}`, field } },
  };
}

/** A 404 for a missing item. */
export function notFound(what: string, id: string): SandboxResponse {
  return schedError(404, 'not_found', `No ${what} with id ${id}.`);
}

/** Thrown by input parsers and turned into a 400 by the routes. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }

  /** This error as a response. */
  toResponse(): SandboxResponse {
    return validationError(this.field, this.message);
  }
}

/** Thrown with a finished error response (404, 409, 412…) and returned by the routes as it is. */
export class ApiFailure extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`Sched error ${response.status}`);
  }
}
