import { describe, expect, it } from 'vitest';
import { createKey, identityFor, recreateKey } from '../../../main/sync';
import { connection } from './fixtures';

describe('identity', () => {
  it('tags events with the booking and connection, and gives bookings this calendar as source', () => {
    expect(identityFor('external', { id: 'b1' }, connection)).toEqual({
      tags: { bookingId: 'b1', connectionId: 'conn-1' },
    });
    expect(identityFor('sched', { id: 'e1' }, connection)).toEqual({
      source: { calendarService: 'google', calendarId: 'room-a@example.com', eventId: 'e1' },
    });
  });

  it('keys a first copy and a recreated copy differently, each stable across retries', () => {
    expect(createKey('conn-1', 'external', 'b1')).toBe(createKey('conn-1', 'external', 'b1'));
    expect(recreateKey('conn-1', 'external', 'b1', 'e1')).not.toBe(createKey('conn-1', 'external', 'b1'));
    expect(createKey('conn-2', 'external', 'b1')).not.toBe(createKey('conn-1', 'external', 'b1'));
  });
});
