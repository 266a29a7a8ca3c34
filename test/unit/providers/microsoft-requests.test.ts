import { describe, expect, it } from 'vitest';
import {
  batchOfEventReads,
  deltaPath,
  eventPath,
  preferHeader,
  transactionIdFor,
} from '../../../main/providers/microsoft/graph-requests';
import { schedSyncPropertySet, tagsExpand } from '../../../main/providers/microsoft';

describe('Graph request building', () => {
  it('asks every request for immutable ids, UTC times and text bodies', () => {
    expect(preferHeader()).toBe(
      'IdType="ImmutableId", outlook.timezone="UTC", outlook.body-content-type="text"',
    );
    expect(preferHeader(50)).toContain('odata.maxpagesize=50');
  });

  it('starts a delta round over the window of the connection calendar', () => {
    const path = deltaPath('AAMk/cal=', {
      start: '2025-02-03T00:00:00.000Z',
      end: '2025-09-01T00:00:00.000Z',
    });

    expect(path).toBe(
      '/me/calendars/AAMk%2Fcal%3D/calendarView/delta?startDateTime=2025-02-03T00%3A00%3A00.000Z&endDateTime=2025-09-01T00%3A00%3A00.000Z',
    );
  });

  it('reads an event of the calendar with only the two tag properties expanded', () => {
    const path = decodeURIComponent(eventPath('cal', 'evt'));

    expect(path).toBe(`/me/calendars/cal/events/evt?$expand=${tagsExpand}`);
    expect(tagsExpand).toBe(
      `singleValueExtendedProperties($filter=id eq 'String {${schedSyncPropertySet}} Name schedSyncBookingId' or id eq 'String {${schedSyncPropertySet}} Name schedSyncConnectionId')`,
    );
  });

  it('derives the same transactionId from the same key and another from another key', () => {
    const first = transactionIdFor('conn:external:b1');

    expect(transactionIdFor('conn:external:b1')).toBe(first);
    expect(transactionIdFor('conn:external:b2')).not.toBe(first);
    expect(first).toMatch(/^schedsync-[0-9a-f]{64}$/);
  });

  it('chains the reads of a batch so only one runs at a time in the mailbox', () => {
    const batch = batchOfEventReads('cal', ['a', 'b', 'c']);

    expect(batch.requests.map((r) => [r.id, r.dependsOn ?? []])).toEqual([
      ['1', []],
      ['2', ['1']],
      ['3', ['2']],
    ]);
    expect(batch.requests.every((r) => r.method === 'GET' && r.headers.Prefer === preferHeader())).toBe(true);
  });

  it('refuses a batch of more than 20 reads', () => {
    const ids = Array.from({ length: 21 }, (_, i) => `e${i}`);

    expect(() => batchOfEventReads('cal', ids)).toThrow(RangeError);
  });
});
