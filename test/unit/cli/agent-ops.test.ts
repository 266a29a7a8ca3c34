import { describe, expect, it } from 'vitest';
import { findOpCommand, opInput } from '../../../main/cli/agent-ops';

const parse = (argv: string[]) => {
  const command = findOpCommand(argv)!;
  return { op: command.op, ...opInput(command, argv.slice(command.words.length)) };
};

describe('sched-sync operations from the shell', () => {
  it('turns flags into snake_case fields and settings flags into sync_settings', () => {
    const parsed = parse([
      'calendars',
      'connect',
      '--resource-id',
      'rsc_1',
      '--calendar-service=google',
      '--calendar-id',
      'room@example.com',
      '--sync-frequency',
      '15min',
      '--window-days-future',
      '90',
    ]);

    expect(parsed.op).toBe('connect');
    expect(parsed.input).toEqual({
      resource_id: 'rsc_1',
      calendar_service: 'google',
      calendar_id: 'room@example.com',
      sync_settings: { sync_frequency: '15min', window_days_future: 90 },
    });
  });

  it('fills positionals and keeps ids and tokens as text', () => {
    const parsed = parse(['calendars', 'update', '12345', '--oauth-token', '0042', '--privacy', 'busy-only']);

    expect(parsed.input).toEqual({
      calendar_id: '12345',
      oauth_token: '0042',
      sync_settings: { privacy: 'busy-only' },
    });
  });

  it('separates how to reach the agent from the operation input', () => {
    const parsed = parse(['sync', '--data', '/tmp/agent', '--url', 'http://127.0.0.1:1', '--token', 't']);

    expect(parsed.op).toBe('syncNow');
    expect(parsed.input).toEqual({});
    expect(parsed.connection).toEqual({ data: '/tmp/agent', url: 'http://127.0.0.1:1', token: 't' });
  });

  it('puts settings flags into default_sync_settings for settings set, with booleans', () => {
    const parsed = parse(['settings', 'set', '--auto-start', 'false', '--direction', 'sched-to-external']);

    expect(parsed.input).toEqual({
      auto_start: false,
      default_sync_settings: { direction: 'sched-to-external' },
    });
  });

  it('says what is missing or extra', () => {
    const undo = findOpCommand(['runs', 'undo'])!;
    const review = findOpCommand(['calendars', 'review'])!;

    expect(() => opInput(undo, [])).toThrow('Missing RUN_ID.');
    expect(() => opInput(review, ['a', 'apply', 'extra'])).toThrow('Unexpected argument "extra".');
    expect(() => opInput(undo, ['--data'])).toThrow('--data needs a value.');
  });

  it('does not treat other words as operations', () => {
    expect(findOpCommand(['sandbox', '--port', '0'])).toBeUndefined();
    expect(findOpCommand(['agent'])).toBeUndefined();
  });

  it('pauses and resumes one calendar, or every one', () => {
    expect(parse(['calendars', 'pause', 'room@example.com'])).toMatchObject({
      op: 'update',
      input: { calendar_id: 'room@example.com', paused: true },
    });
    expect(parse(['calendars', 'resume', 'room@example.com'])).toMatchObject({
      op: 'update',
      input: { calendar_id: 'room@example.com', paused: false },
    });
    expect(parse(['pause', '--all'])).toMatchObject({ op: 'pauseAll', input: { paused: true } });
    expect(parse(['resume', '--all', '--data', '/tmp/agent'])).toMatchObject({
      op: 'pauseAll',
      input: { paused: false },
      connection: { data: '/tmp/agent' },
    });
  });
});
