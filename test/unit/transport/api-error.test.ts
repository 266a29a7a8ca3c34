import { describe, expect, it } from 'vitest';
import { ReauthRequiredError } from '../../../main/auth/auth-errors';
import { ConflictNotFoundError } from '../../../main/engine';
import { AppError } from '../../../main/errors/app-error';
import { NotFoundError, PreconditionFailedError } from '../../../main/providers/port';
import { SchedApiKeyError } from '../../../main/providers/sched';
import { GoogleRequestError } from '../../../main/providers/google/google-errors';
import { GraphRequestError } from '../../../main/providers/microsoft/graph-errors';
import { KeychainUnavailableError } from '../../../main/secrets';
import { toApiError, unexpectedMessage } from '../../../main/transport/api-error';

class BrandNewError extends AppError {
  constructor() {
    super('conflict', 'Something a person can fix; nothing was changed.');
  }
}

const mapped = (error: unknown) => {
  const lines: Record<string, unknown>[] = [];
  return { body: toApiError(error, 'status', (line) => lines.push(line)), lines };
};

describe('toApiError', () => {
  it('maps by class: a new error class of ours keeps its code and message without being listed anywhere', () => {
    expect(mapped(new BrandNewError()).body).toEqual({
      code: 'conflict',
      message: 'Something a person can fix; nothing was changed.',
    });
  });

  it('gives each of our error families its API code', () => {
    expect(mapped(new PreconditionFailedError('b1')).body.code).toBe('conflict');
    expect(mapped(new NotFoundError('b1')).body.code).toBe('not_found');
    expect(mapped(new SchedApiKeyError()).body.code).toBe('unavailable');
    expect(mapped(new ReauthRequiredError('google', 'invalid_grant')).body.code).toBe('unavailable');
    expect(mapped(new KeychainUnavailableError('no dbus')).body.code).toBe('unavailable');
    expect(mapped(new ConflictNotFoundError(7)).body.code).toBe('not_found');
  });

  it('says what Google or Outlook answered, as a 502, when a call fails in a way the adapters have no class for', () => {
    expect(mapped(new GoogleRequestError('list events', 400, 'badRequest')).body).toEqual({
      code: 'upstream',
      message: 'Google Calendar refused to list events (HTTP 400 badRequest).',
    });
    expect(mapped(new GraphRequestError('create an event', 400, 'ErrorInvalidRequest')).body).toEqual({
      code: 'upstream',
      message: 'Microsoft Outlook refused to create an event (HTTP 400 ErrorInvalidRequest).',
    });
  });

  it('answers anything unexpected with a 500 that hides it, and logs the stack', () => {
    const { body, lines } = mapped(new TypeError('cannot read secret-path of undefined'));

    expect(body).toEqual({ code: 'internal', message: unexpectedMessage });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ op: 'status', code: 'internal' });
    expect(String(lines[0]!.stack)).toMatch(/^TypeError: cannot read secret-path of undefined\n\s+at /);
  });
});
