import { describe, expect, it } from 'vitest';
import { operationNames, operations, requestOf, validateInput } from '../../../preload/contract';

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

describe('length limits', () => {
  it('refuses an oauth_token over 4096 characters, naming the field', () => {
    const result = validateInput('connect', {
      resource_id: 'r1',
      calendar_service: 'google',
      calendar_id: 'c1',
      oauth_token: 'x'.repeat(4097),
    });

    expect(!result.ok && result.error.message).toMatch(/^oauth_token: must be at most 4096 characters/);
  });

  it('refuses an id, a key and a URL past their caps, naming each field', () => {
    const id = validateInput('disconnect', { calendar_id: 'c'.repeat(1025) });
    const sched = validateInput('configureSched', {
      base_url: `https://sched.example/${'p'.repeat(2048)}`,
      api_key: 'k'.repeat(1025),
    });

    expect(!id.ok && id.error.message).toBe('calendar_id: must be at most 1024 characters');
    expect(!sched.ok && sched.error.message).toContain('base_url: must be at most 2048 characters');
    expect(!sched.ok && sched.error.message).toContain('api_key: must be at most 1024 characters');
  });
});

describe('requestOf', () => {
  it('fills path parameters from the input, encoded, and sends the rest as the body', () => {
    expect(requestOf('resolveConflict', { id: '7', resolution: 'skip' })).toEqual({
      method: 'POST',
      path: '/conflicts/7/resolve',
      body: { resolution: 'skip' },
    });
    expect(requestOf('update', { calendar_id: 'room a@example.com', resource_id: 'r1' })).toEqual({
      method: 'PUT',
      path: '/calendars/room%20a%40example.com',
      body: { resource_id: 'r1' },
    });
  });

  it('sends no body for reads, deletes and routes that take none', () => {
    expect(requestOf('list')).toEqual({ method: 'GET', path: '/calendars' });
    expect(requestOf('undo', { run_id: 'run-1' })).toEqual({ method: 'POST', path: '/runs/run-1/undo' });
  });

  it('gives every operation of the map one route of its own', () => {
    const routes = operationNames.map(
      (name) => `${operations[name].http.method} ${operations[name].http.path}`,
    );

    expect(new Set(routes).size).toBe(operationNames.length);
  });
});
