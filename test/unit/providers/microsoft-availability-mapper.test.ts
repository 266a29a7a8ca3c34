import { describe, expect, it } from 'vitest';
import { eventToItem, type GraphEvent } from '../../../main/providers/microsoft';

function graphEvent(overrides: Partial<GraphEvent> = {}): GraphEvent {
  return {
    id: 'AAMkAGI2',
    '@odata.etag': 'W/"1"',
    lastModifiedDateTime: '2025-03-05T12:00:00Z',
    subject: 'Consultation',
    start: { dateTime: '2025-03-12T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2025-03-12T10:00:00.0000000', timeZone: 'UTC' },
    isAllDay: false,
    isCancelled: false,
    type: 'singleInstance',
    showAs: 'busy',
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    ...overrides,
  };
}

describe('Graph events: busy or free (SYNC.md, "Availability")', () => {
  it.each<[string, Partial<GraphEvent>, 'busy' | 'free']>([
    ['shown as busy', { showAs: 'busy' }, 'busy'],
    ['shown as tentative', { showAs: 'tentative' }, 'busy'],
    ['shown as out of office', { showAs: 'oof' }, 'busy'],
    ['shown as free', { showAs: 'free' }, 'free'],
    ['shown as working elsewhere', { showAs: 'workingElsewhere' }, 'free'],
    ['with no showAs', { showAs: undefined }, 'busy'],
    ['declined by the owner', { responseStatus: { response: 'declined' } }, 'free'],
    [
      'tentatively accepted',
      { showAs: 'tentative', responseStatus: { response: 'tentativelyAccepted' } },
      'busy',
    ],
    ['accepted', { responseStatus: { response: 'accepted' } }, 'busy'],
    ['a cancelled occurrence', { isCancelled: true, type: 'exception' }, 'free'],
  ])('reads an event %s as %s', (_what, overrides, wanted) => {
    expect(eventToItem(graphEvent(overrides))?.availability).toBe(wanted);
  });
});
