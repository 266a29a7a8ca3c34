import { describe, expect, it } from 'vitest';
import {
  exceptionCreateFor,
  exceptionToItem,
  exceptionUpdateFor,
  type SchedException,
} from '../../../main/providers/sched';
import type { ItemFields } from '../../../main/sync';

const zone = 'Europe/Madrid';

function exception(overrides: Partial<SchedException> = {}): SchedException {
  return {
    id: 'exc_1',
    resource_id: 'res_1',
    start: '2025-03-10T09:00:00Z',
    end: '2025-03-10T10:00:00Z',
    all_day: false,
    timezone: 'Europe/Berlin',
    reason: 'maintenance',
    source: null,
    status: 'active',
    version: 3,
    updated_at: '2025-03-01T08:00:00Z',
    ...overrides,
  };
}

const busy: ItemFields = {
  title: 'Busy',
  description: 'Private notes',
  location: 'Clinic',
  start: { kind: 'instant', utc: '2025-03-10T09:00:00.000Z', zone: 'Europe/Berlin' },
  end: { kind: 'instant', utc: '2025-03-10T10:00:00.000Z', zone: 'Europe/Berlin' },
};

describe('Sched availability exceptions ⇄ items', () => {
  it('reads an exception as an item titled by its reason, with no description or location', () => {
    expect(exceptionToItem(exception(), zone)).toEqual({
      id: 'exc_1',
      version: '3',
      updated: '2025-03-01T08:00:00.000Z',
      status: 'confirmed',
      title: 'maintenance',
      description: '',
      location: '',
      start: { kind: 'instant', utc: '2025-03-10T09:00:00.000Z', zone: 'Europe/Berlin' },
      end: { kind: 'instant', utc: '2025-03-10T10:00:00.000Z', zone: 'Europe/Berlin' },
      availability: 'busy',
    });
  });

  it('keeps all-day exceptions as dates and cancelled ones cancelled', () => {
    const item = exceptionToItem(
      exception({ start: '2025-12-25', end: '2025-12-26', all_day: true, status: 'cancelled', reason: null }),
      zone,
    );

    expect(item).toMatchObject({
      status: 'cancelled',
      title: '',
      start: { kind: 'date', date: '2025-12-25' },
      end: { kind: 'date', date: '2025-12-26' },
    });
  });

  it('writes only the time and the title as reason: no description, location or attendee crosses', () => {
    const source = { calendarService: 'google', calendarId: 'maria@example.com', eventId: 'evt1' } as const;

    const body = exceptionCreateFor(
      { fields: busy, idempotencyKey: 'k', source },
      { id: 'res_1', timezone: zone },
    );

    expect(body).toEqual({
      reason: 'Busy',
      start: '2025-03-10T09:00:00Z',
      end: '2025-03-10T10:00:00Z',
      all_day: false,
      timezone: 'Europe/Berlin',
      source: { calendar_service: 'google', calendar_id: 'maria@example.com', event_id: 'evt1' },
    });
  });

  it('writes all-day items as dates in the resource’s zone', () => {
    const allDay: ItemFields = {
      ...busy,
      start: { kind: 'date', date: '2025-12-24' },
      end: { kind: 'date', date: '2025-12-27' },
    };

    expect(exceptionUpdateFor(allDay, zone)).toEqual({
      reason: 'Busy',
      start: '2025-12-24',
      end: '2025-12-27',
      all_day: true,
      timezone: zone,
    });
  });
});
