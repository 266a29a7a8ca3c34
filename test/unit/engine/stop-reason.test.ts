import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../main/providers/port';
import { stopReason } from '../../../main/engine/stop-reason';

describe('stopReason', () => {
  it('ends the sentence once, whether or not the cause already ends with a full stop', () => {
    const ended = stopReason(new Error('Sched refused to create a booking (HTTP 422).'));
    const bare = stopReason(new Error('simulated crash'));

    expect(ended.message).toBe(
      'Syncing stopped: Sched refused to create a booking (HTTP 422). The next run resumes where this one stopped.',
    );
    expect(bare.message).toBe(
      'Syncing stopped: simulated crash. The next run resumes where this one stopped.',
    );
  });

  it('asks for a new sign-in when the saved one was refused', () => {
    expect(stopReason(new AuthError('Google'))).toMatchObject({ connectionStatus: 'reauth_required' });
  });
});
