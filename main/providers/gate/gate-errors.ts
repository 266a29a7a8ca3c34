/** The failure the gate raises when a service stayed down through every retry (5xx or dropped connections). */
import { AppError } from '../../errors/app-error';

/** A service kept failing for a passing reason; the run stops and the next run tries again. */
export class ServiceUnavailableError extends AppError {
  readonly code = 'unavailable' as const;

  constructor(
    readonly provider: string,
    /** What the last attempt saw, e.g. "HTTP 503" or "connection reset". */
    readonly detail: string,
    readonly attempts: number,
  ) {
    super(
      'unavailable',
      `${provider} kept failing (${detail}) after ${attempts} attempts; syncing resumes on the next run.`,
    );
  }
}
