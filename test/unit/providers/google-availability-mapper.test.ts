import { describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { eventToItem } from '../../../main/providers/google/google-event-mapper';
import { contentHash, fieldsOf } from '../../../main/sync';

const owner = 'maria@example.com';

function event(overrides: calendar_v3.Schema$Event = {}): calendar_v3.Schema$Event {
  return {
    id: 'evt1',
    etag: '"1"',
    status: 'confirmed',
    updated: '2025-03-01T09:30:00Z',
    summary: 'Dentist',
    start: { dateTime: '2025-03-10T09:00:00Z', timeZone: 'UTC' },
    end: { dateTime: '2025-03-10T10:00:00Z', timeZone: 'UTC' },
    ...overrides,
  };
}

function ownAnswer(responseStatus: string): calendar_v3.Schema$Event {
  return {
    attendees: [
      { email: 'vendor@example.com', responseStatus: 'accepted', organizer: true },
      { email: owner, responseStatus, self: true },
    ],
  };
}

describe('Google events: busy or free (SYNC.md, "Availability")', () => {
  it.each<[string, calendar_v3.Schema$Event, 'busy' | 'free']>([
    ['a plain event', {}, 'busy'],
    ['an opaque event', { transparency: 'opaque' }, 'busy'],
    ['a transparent event', { transparency: 'transparent' }, 'free'],
    ['an out-of-office event', { eventType: 'outOfOffice', transparency: 'opaque' }, 'busy'],
    ['focus time', { eventType: 'focusTime', transparency: 'opaque' }, 'busy'],
    [
      'a working location',
      { eventType: 'workingLocation', start: { date: '2025-03-10' }, end: { date: '2025-03-11' } },
      'free',
    ],
    ['a meeting the owner declined', ownAnswer('declined'), 'free'],
    ['a meeting the owner accepted', ownAnswer('accepted'), 'busy'],
    ['a meeting the owner has not answered', ownAnswer('needsAction'), 'busy'],
    ['a tentatively accepted meeting', ownAnswer('tentative'), 'busy'],
    [
      'a meeting someone else declined',
      {
        attendees: [
          { email: 'sam@example.com', responseStatus: 'declined' },
          { email: owner, responseStatus: 'accepted', self: true },
        ],
      },
      'busy',
    ],
    ['a cancelled instance', { status: 'cancelled' }, 'free'],
  ])('reads %s as %s', (_what, overrides, wanted) => {
    expect(eventToItem(event(overrides), 'UTC')?.availability).toBe(wanted);
  });

  it('keeps availability out of the synced fields, so a free event hashes like a busy one', () => {
    const free = eventToItem(event({ transparency: 'transparent' }), 'UTC')!;
    const busy = eventToItem(event(), 'UTC')!;

    expect(fieldsOf(free)).not.toHaveProperty('availability');
    expect(contentHash(free)).toBe(contentHash(busy));
  });
});
