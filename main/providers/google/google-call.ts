/**
 * How one Google calendar's requests are sent: through the account's gate, counted, with one token refresh and retry
 * after a 401, and every failure turned into one of the port's errors or a readable `GoogleRequestError`.
 */
import { AuthError } from '../port';
import type { RequestGate } from '../gate';
import type { SignInReading } from '../sign-in-reading';
import { GoogleRequestError, googleReasonOf, googleStatusOf } from './google-errors';

const providerName = 'Google Calendar';

/** Turns the statuses an operation expects into a typed error; undefined leaves the failure to `GoogleCaller`. */
export type SpecialFailure = (error: unknown) => Error | undefined;

/** Sends a calendar's requests; one per provider, so its count is the provider's own. */
export class GoogleCaller {
  /** Requests sent, every retry and page counted (the gate is shared by the account's calendars). */
  sent = 0;

  constructor(
    private readonly gate: RequestGate,
    private readonly signIn: SignInReading,
    private readonly refreshAccessToken: () => Promise<unknown>,
  ) {}

  /** Sends one request through the gate; `special` types the failures `operation` expects, the rest are readable. */
  async call<T>(
    operation: string,
    send: () => Promise<T>,
    special: SpecialFailure = () => undefined,
  ): Promise<T> {
    for (let refreshed = false; ; refreshed = true) {
      try {
        return await this.gate.run(() => {
          this.sent += 1;
          return send();
        });
      } catch (error) {
        const typed = special(error);
        if (typed) throw typed;
        if (googleStatusOf(error) !== 401 || refreshed) throw this.readable(operation, error);
      }
      try {
        await this.refreshAccessToken();
      } catch (error) {
        throw this.readable('refresh the sign-in', error);
      }
    }
  }

  /** `call`, answering `null` when `absent` says the failure means the wanted thing is not (or already) there. */
  async callUnlessAbsent<T>(
    operation: string,
    send: () => Promise<T>,
    absent: (status: number | undefined) => boolean,
    special?: SpecialFailure,
  ): Promise<T | null> {
    try {
      return await this.call(operation, send, (error) =>
        absent(googleStatusOf(error)) ? new AbsentSignal() : special?.(error),
      );
    } catch (error) {
      if (error instanceof AbsentSignal) return null;
      throw error;
    }
  }

  /** Turns a client error into one of ours; errors that are already ours, or not the client's, pass as they are. */
  private readable(operation: string, error: unknown): unknown {
    if (error instanceof AuthError) return error;
    if (this.signIn.isRevoked(error)) return new AuthError(providerName);
    const status = googleStatusOf(error);
    if (status === 401) return new AuthError(providerName);
    const fromClient =
      typeof error === 'object' && error !== null && ('config' in error || 'response' in error);
    return fromClient ? new GoogleRequestError(operation, status, googleReasonOf(error)) : error;
  }
}

/** Internal: carries "absent" out of `call`'s error mapping; never leaves this module. */
class AbsentSignal extends Error {}
