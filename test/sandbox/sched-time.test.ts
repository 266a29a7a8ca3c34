import { describe, expect, it } from 'vitest';
import { dateInZone, instantOf, isDate, isDateTime, zonedToInstant } from '../../sandbox/sched/time';

describe('Sched time helpers', () => {
  it.each([
    ['2031-07-01', '09:00', 'Europe/London', '2031-07-01T08:00:00.000Z'],
    ['2031-01-15', '09:00', 'America/New_York', '2031-01-15T14:00:00.000Z'],
    ['2031-03-09', '09:00', 'America/New_York', '2031-03-09T13:00:00.000Z'],
    ['2031-03-08', '09:00', 'America/New_York', '2031-03-08T14:00:00.000Z'],
    ['2031-05-05', '08:30', 'Asia/Tokyo', '2031-05-04T23:30:00.000Z'],
  ])('puts %s %s in %s at %s', (date, time, zone, expected) => {
    expect(zonedToInstant(date, time, zone).toISOString()).toBe(expected);
  });

  it('reads an all-day date as midnight in the booking zone', () => {
    expect(instantOf('2031-05-05', 'Asia/Tokyo').toISOString()).toBe('2031-05-04T15:00:00.000Z');
    expect(dateInZone(new Date('2031-05-04T16:00:00Z'), 'Asia/Tokyo')).toBe('2031-05-05');
  });

  it('tells RFC 3339 dates and date-times from near misses', () => {
    expect([isDate('2031-02-28'), isDate('2031-02-30'), isDate('2031-2-3')]).toEqual([true, false, false]);
    expect([
      isDateTime('2031-02-28T10:00:00Z'),
      isDateTime('2031-02-28T10:00:00.5+05:30'),
      isDateTime('2031-02-28T10:00:00'),
      isDateTime('2031-02-28 10:00:00Z'),
    ]).toEqual([true, true, false, false]);
  });
});
