/** Errors the agent raises for people to read. */
import type { ApiErrorCode } from '../../preload/contract';

/** An error meant for the person: its message says what failed, why, and what to do. */
export class AgentError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
