import { describe, expect, it } from 'vitest';
import {
  canonicalZone,
  floatingMs,
  floatingWallClock,
  formatWallClock,
  isValidZone,
  localToUtc,
  offsetMinutes,
  wallClock,
  type WallClock,
} from '../../sandbox/core/zones';

function wall(text: string): WallClock {
  const [year, month, day, hour, minute, second] = text.split(/[-T:]/).map(Number) as number[];
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0 };
}

const utc = (ms: number) => new Date(ms).toISOString();

describe('sandbox zone math', () => {
  it.each([
    ['2025-07-01T09:00:00', 'Europe/London', '2025-07-01T08:00:00.000Z'],
    ['2025-01-15T09:00:00', 'Europe/London', '2025-01-15T09:00:00.000Z'],
    ['2025-01-15T09:00:00', 'America/New_York', '2025-01-15T14:00:00.000Z'],
    ['2025-03-10T09:00:00', 'America/New_York', '2025-03-10T13:00:00.000Z'],
    ['2025-05-05T08:30:00', 'Asia/Tokyo', '2025-05-04T23:30:00.000Z'],
  ])('puts %s in %s at %s', (local, zone, expected) => {
    expect(utc(localToUtc(wall(local), zone))).toBe(expected);
  });

  it.each([
    ['Europe/London', '2025-03-30T01:30:00', '2025-03-30T01:30:00.000Z', '2025-03-30T02:30:00'],
    ['America/New_York', '2025-03-09T02:30:00', '2025-03-09T07:30:00.000Z', '2025-03-09T03:30:00'],
  ])('moves a time the spring-forward gap skips in %s forward by the gap', (zone, local, expected, shown) => {
    const instant = localToUtc(wall(local), zone);

    expect(utc(instant)).toBe(expected);
    expect(formatWallClock(wallClock(instant, zone))).toBe(shown);
  });

  it.each([
    ['Europe/London', '2025-10-26T01:30:00', '2025-10-26T00:30:00.000Z', 60],
    ['America/New_York', '2025-11-02T01:30:00', '2025-11-02T05:30:00.000Z', -240],
  ])(
    'reads a time the fall-back hour repeats in %s as its first occurrence',
    (zone, local, expected, offset) => {
      const instant = localToUtc(wall(local), zone);

      expect(utc(instant)).toBe(expected);
      expect(offsetMinutes(instant, zone)).toBe(offset);
      expect(formatWallClock(wallClock(instant, zone))).toBe(local);
    },
  );

  it('gives every instant around the DST changes back from its own wall time, but the repeated hour’s second pass', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Pacific/Chatham'];
    const mismatches: string[] = [];

    for (const zone of zones) {
      for (
        let t = Date.parse('2025-01-01T00:00:00Z');
        t < Date.parse('2026-01-01T00:00:00Z');
        t += 30 * 60_000
      ) {
        const back = localToUtc(wallClock(t, zone), zone);
        const secondPass = back < t && offsetMinutes(back, zone) > offsetMinutes(t, zone);
        if (back !== t && !secondPass) mismatches.push(`${zone} ${utc(t)} → ${utc(back)}`);
      }
    }

    expect(mismatches).toEqual([]);
  });

  it.each([
    ['Pacific/Kiritimati', '2025-01-01T09:00:00', '2024-12-31T19:00:00.000Z', 840],
    ['Pacific/Chatham', '2025-01-01T09:00:00', '2024-12-31T19:15:00.000Z', 825],
    ['Asia/Kolkata', '2025-06-01T09:00:00', '2025-06-01T03:30:00.000Z', 330],
    ['Pacific/Pago_Pago', '2025-06-01T09:00:00', '2025-06-01T20:00:00.000Z', -660],
  ])('handles %s, far from UTC or off the hour', (zone, local, expected, offset) => {
    const instant = localToUtc(wall(local), zone);

    expect(utc(instant)).toBe(expected);
    expect(offsetMinutes(instant, zone)).toBe(offset);
  });

  it('shows an instant on the other side of the date line on the next day', () => {
    expect(wallClock(new Date('2024-12-31T12:00:00Z'), 'Pacific/Kiritimati')).toEqual(
      wall('2025-01-01T02:00:00'),
    );
    expect(wallClock(Date.parse('2025-01-01T02:00:00Z'), 'Pacific/Pago_Pago')).toEqual(
      wall('2024-12-31T15:00:00'),
    );
  });

  it('reads a zone-less local string the way it reads wall-clock fields', () => {
    expect(utc(localToUtc('2025-03-09T02:30', 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
    expect(utc(localToUtc('2025-10-26T01:30:00', 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
    expect(() => localToUtc('2025-13-01T09:00:00', 'Europe/London')).toThrow(RangeError);
  });

  it('tells known zones from unknown ones and spells them canonically', () => {
    expect([
      isValidZone('Europe/London'),
      isValidZone('UTC'),
      isValidZone('Mars/Olympus_Mons'),
      isValidZone(''),
    ]).toEqual([true, true, false, false]);
    expect(canonicalZone('europe/london')).toBe('Europe/London');
    expect(canonicalZone('Mars/Olympus_Mons')).toBeNull();
  });

  it('refuses to convert in an unknown zone', () => {
    expect(() => wallClock(Date.parse('2025-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localToUtc(wall('2025-01-01T09:00:00'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => offsetMinutes(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('reads floating times as UTC and back', () => {
    const nine = wall('2025-02-28T09:05:07');

    expect(utc(floatingMs(nine))).toBe('2025-02-28T09:05:07.000Z');
    expect(floatingWallClock(floatingMs(nine))).toEqual(nine);
    expect(formatWallClock(nine)).toBe('2025-02-28T09:05:07');
  });
});
