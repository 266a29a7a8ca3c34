import { describe, expect, it } from 'vitest';
import {
  addDays,
  allDayFromInstants,
  dateInZone,
  instantsFromAllDay,
  isValidZone,
  utcToWallTime,
  wallTimeToUtc,
  zoneOffsetMinutes,
} from '../../../main/sync';

describe('wallTimeToUtc and utcToWallTime', () => {
  it('uses the offset in force on that day in Europe/London, either side of the spring change', () => {
    expect(wallTimeToUtc('2025-03-29T10:00', 'Europe/London')).toBe('2025-03-29T10:00:00.000Z');
    expect(wallTimeToUtc('2025-03-31T10:00', 'Europe/London')).toBe('2025-03-31T09:00:00.000Z');
  });

  it('uses the offset in force on that day in America/New_York, either side of the spring change', () => {
    expect(wallTimeToUtc('2025-03-08T09:00', 'America/New_York')).toBe('2025-03-08T14:00:00.000Z');
    expect(wallTimeToUtc('2025-03-09T09:00', 'America/New_York')).toBe('2025-03-09T13:00:00.000Z');
  });

  it('moves a wall time skipped by the spring change forward by the gap', () => {
    expect(wallTimeToUtc('2025-03-30T01:30', 'Europe/London')).toBe('2025-03-30T01:30:00.000Z');
    expect(utcToWallTime('2025-03-30T01:30:00.000Z', 'Europe/London')).toBe('2025-03-30T02:30:00');
    expect(wallTimeToUtc('2025-03-09T02:30', 'America/New_York')).toBe('2025-03-09T07:30:00.000Z');
  });

  it('takes the first of a wall time that happens twice when clocks go back', () => {
    expect(wallTimeToUtc('2025-10-26T01:30', 'Europe/London')).toBe('2025-10-26T00:30:00.000Z');
    expect(wallTimeToUtc('2025-11-02T01:30', 'America/New_York')).toBe('2025-11-02T05:30:00.000Z');
  });

  it('round-trips every hour across both London changes', () => {
    for (const day of ['2025-03-30', '2025-10-26']) {
      for (let hour = 0; hour < 24; hour += 1) {
        const wall = `${day}T${String(hour).padStart(2, '0')}:15:00`;
        const utc = wallTimeToUtc(wall, 'Europe/London');
        const back = utcToWallTime(utc, 'Europe/London');
        if (!(day === '2025-03-30' && hour === 1)) expect(back).toBe(wall);
      }
    }
  });

  it('reports offsets in minutes, including half-hour zones', () => {
    expect(zoneOffsetMinutes(Date.parse('2025-07-01T00:00:00Z'), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2025-01-01T00:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(Date.parse('2025-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('refuses a malformed wall time and recognises unknown zones', () => {
    expect(() => wallTimeToUtc('12 March', 'Europe/London')).toThrow(RangeError);
    expect(isValidZone('Europe/London')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('all-day conversion', () => {
  it('keeps the date of an all-day booking in a zone far east of UTC', () => {
    const { startUtc, endUtc } = instantsFromAllDay('2025-03-12', '2025-03-13', 'Pacific/Auckland');

    const dates = allDayFromInstants(startUtc, endUtc, 'Pacific/Auckland');

    expect(startUtc).toBe('2025-03-11T11:00:00.000Z');
    expect(dates).toEqual({
      start: { kind: 'date', date: '2025-03-12' },
      end: { kind: 'date', date: '2025-03-13' },
    });
  });

  it('keeps the date of an all-day booking in a zone west of UTC', () => {
    const { startUtc, endUtc } = instantsFromAllDay('2025-03-12', '2025-03-14', 'America/Los_Angeles');

    expect(allDayFromInstants(startUtc, endUtc, 'America/Los_Angeles')).toEqual({
      start: { kind: 'date', date: '2025-03-12' },
      end: { kind: 'date', date: '2025-03-14' },
    });
  });

  it('keeps a one-day booking on the 23-hour day of the London spring change', () => {
    const { startUtc, endUtc } = instantsFromAllDay('2025-03-30', '2025-03-31', 'Europe/London');

    expect(Date.parse(endUtc) - Date.parse(startUtc)).toBe(23 * 3_600_000);
    expect(allDayFromInstants(startUtc, endUtc, 'Europe/London')).toEqual({
      start: { kind: 'date', date: '2025-03-30' },
      end: { kind: 'date', date: '2025-03-31' },
    });
  });

  it('rounds an end later in the day up to the next date (the end is exclusive)', () => {
    const dates = allDayFromInstants('2025-03-12T00:00:00Z', '2025-03-12T17:00:00Z', 'UTC');

    expect(dates.end).toEqual({ kind: 'date', date: '2025-03-13' });
  });

  it('gives the local date of an instant', () => {
    expect(dateInZone('2025-03-12T23:30:00Z', 'Europe/Berlin')).toBe('2025-03-13');
    expect(dateInZone('2025-03-12T03:30:00Z', 'America/New_York')).toBe('2025-03-11');
  });

  it('adds days across month and year ends without zone effects', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
