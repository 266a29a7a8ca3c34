import { describe, expect, it } from 'vitest';
import { GoogleCaller } from '../../../main/providers/google/google-call';
import { createGoogleGate } from '../../../main/providers/google/google-calendar-provider';
import { AuthError, NotFoundError } from '../../../main/providers/port';

/** What gaxios throws for an HTTP answer: the status on `response`, Google's reason in the body. */
function httpError(status: number, reason?: string): Error {
  const data = reason ? { error: { errors: [{ reason }] } } : {};
  return Object.assign(new Error(`HTTP ${status}`), { config: {}, response: { status, data, headers: {} } });
}

/** A caller on a gate with no pacing, whose refreshes and revoked grants are counted and chosen by the test. */
function caller(options: { refreshFails?: boolean; revoked?: (error: unknown) => boolean } = {}) {
  const refreshes = { count: 0 };
  const gate = createGoogleGate({ sleep: async () => {}, maxAttempts: 1 });
  const made = new GoogleCaller(gate, { isRevoked: options.revoked ?? (() => false) }, async () => {
    refreshes.count += 1;
    if (options.refreshFails) throw httpError(400, 'invalid_grant');
  });
  return { made, refreshes };
}

/** A request that fails with the given errors in turn, then answers `answer`. */
function failingThen<T>(errors: Error[], answer: T): () => Promise<T> {
  return async () => {
    const next = errors.shift();
    if (next) throw next;
    return answer;
  };
}

describe('GoogleCaller', () => {
  it('refreshes the token once after a 401 and sends the request again', async () => {
    const { made, refreshes } = caller();

    const answer = await made.call('list events', failingThen([httpError(401)], 'page'));

    expect(answer).toBe('page');
    expect(refreshes.count).toBe(1);
    expect(made.sent).toBe(2);
  });

  it('says the sign-in was refused when a second 401 follows the refresh', async () => {
    const { made, refreshes } = caller();

    const sent = made.call('list events', failingThen([httpError(401), httpError(401)], 'page'));

    await expect(sent).rejects.toBeInstanceOf(AuthError);
    expect(refreshes.count).toBe(1);
  });

  it('says the sign-in was refused when the saved grant is gone, without a refresh', async () => {
    const { made, refreshes } = caller({ revoked: () => true });

    await expect(made.call('read an event', failingThen([httpError(400)], 'x'))).rejects.toBeInstanceOf(
      AuthError,
    );
    expect(refreshes.count).toBe(0);
  });

  it('names the operation, the status and Google’s reason of any other failure', async () => {
    const { made } = caller();

    const sent = made.call('update an event', failingThen([httpError(400, 'invalid')], 'x'));

    await expect(sent).rejects.toThrow('Google Calendar refused to update an event (HTTP 400 invalid).');
  });

  it('answers null for a failure that means the thing is already gone, and a typed error where asked', async () => {
    const { made } = caller();
    const absent = (status: number | undefined) => status === 404;

    const gone = await made.callUnlessAbsent('delete an event', failingThen([httpError(404)], 'x'), absent);
    const typed = made.callUnlessAbsent(
      'delete an event',
      failingThen([httpError(412)], 'x'),
      absent,
      () => new NotFoundError('e1'),
    );

    expect(gone).toBeNull();
    await expect(typed).rejects.toBeInstanceOf(NotFoundError);
  });
});
