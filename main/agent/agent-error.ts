/** Errors the agent raises for people to read. */
import { AppError, type AppErrorCode } from '../errors/app-error';

/** An error meant for the person: its message says what failed, why, and what to do. */
export class AgentError extends AppError {
  constructor(code: AppErrorCode, message: string) {
    super(code, message);
  }

  /** The API code (kept as `code` for the agent's own checks). */
  get code(): AppErrorCode {
    return this.apiCode;
  }
}
