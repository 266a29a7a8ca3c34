import { describe, expect, it } from 'vitest';
import { validateInput } from '../../../preload/contract';

describe('validateInput', () => {
  it('accepts a connect payload as Sched documents it', () => {
    const result = validateInput('connect', {
      resource_id: 'uuid-resource1',
      calendar_service: 'google',
      calendar_id: 'calendar-id',
      oauth_token: 'oauth-token',
    });

    expect(result.ok).toBe(true);
  });

  it('names the field when calendar_service is unknown', () => {
    const result = validateInput('connect', {
      resource_id: 'r1',
      calendar_service: 'yahoo',
      calendar_id: 'c1',
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!result.ok && result.error.message).toMatch(/^calendar_service: /);
  });

  it('names nested sync settings fields', () => {
    const result = validateInput('update', { calendar_id: 'c1', sync_settings: { sync_frequency: '2min' } });

    expect(!result.ok && result.error.message).toMatch(/^sync_settings\.sync_frequency: /);
  });

  it('names a missing field and an unknown one', () => {
    const result = validateInput('connect', { calendar_service: 'google', calendar_id: 'c1', colour: 'red' });

    expect(!result.ok && result.error.message).toContain('resource_id:');
    expect(!result.ok && result.error.message).toContain('colour: unknown field');
  });

  it('rejects a blank calendar id on disconnect', () => {
    const result = validateInput('disconnect', { calendar_id: '   ' });

    expect(!result.ok && result.error.message).toMatch(/^calendar_id: must not be empty/);
  });
});
