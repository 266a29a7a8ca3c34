/**
 * The base of every error of ours that may reach a person. It carries a stable API code (what the transports send
 * and HTTP turns into a status) and a message that says what failed, why, and what to do (STYLE.md, habit 6).
 * This module imports nothing, so every layer may use it; the transports map errors by this class, never by name.
 */

/** The codes both transports send; the contract's `ApiErrorCode` is the same list (a type test keeps them equal). */
export const appErrorCodes = [
  'validation',
  'unauthorized',
  'not_found',
  'conflict',
  'unavailable',
  'upstream',
  'internal',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

/** An error a person may read: its message carries no secret and no internals (each subclass guarantees that). */
export class AppError extends Error {
  constructor(
    /** What the transports answer with: `validation` → 400, `not_found` → 404, `conflict` → 409, …. */
    readonly apiCode: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
