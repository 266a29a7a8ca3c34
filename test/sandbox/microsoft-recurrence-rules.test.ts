import { describe, expect, it } from 'vitest';
import { dayNumber, normaliseRecurrence, occurrenceDates } from '../../sandbox/microsoft/recurrence';

function dates(
  pattern: Record<string, unknown>,
  range: Record<string, unknown>,
  until = '2026-12-31',
): string[] {
  return occurrenceDates(normaliseRecurrence({ pattern, range }, 'UTC'), dayNumber(until));
}

describe('Graph recurrence patterns', () => {
  it('expands daily every other day up to an end date', () => {
    expect(
      dates(
        { type: 'daily', interval: 2 },
        { type: 'endDate', startDate: '2025-01-01', endDate: '2025-01-07' },
      ),
    ).toEqual(['2025-01-01', '2025-01-03', '2025-01-05', '2025-01-07']);
  });

  it('expands weekly on several days every second week, counting from the start', () => {
    expect(
      dates(
        { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'], firstDayOfWeek: 'sunday' },
        { type: 'numbered', startDate: '2025-01-06', numberOfOccurrences: 5 },
      ),
    ).toEqual(['2025-01-06', '2025-01-09', '2025-01-20', '2025-01-23', '2025-02-03']);
  });

  it('expands absoluteMonthly on a day of the month, on the last day of shorter months as Outlook does', () => {
    expect(
      dates(
        { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        { type: 'numbered', startDate: '2025-01-31', numberOfOccurrences: 3 },
      ),
    ).toEqual(['2025-01-31', '2025-02-28', '2025-03-31']);
  });

  it('expands relativeMonthly on the last Friday', () => {
    expect(
      dates(
        { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
        { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 3 },
      ),
    ).toEqual(['2025-01-31', '2025-02-28', '2025-03-28']);
  });

  it('expands absoluteYearly and relativeYearly', () => {
    expect(
      dates(
        { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 14 },
        { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 2 },
      ),
    ).toEqual(['2025-02-14', '2026-02-14']);
    expect(
      dates(
        { type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' },
        { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 2 },
      ),
    ).toEqual(['2025-11-27', '2026-11-26']);
  });

  it('stops a series without an end at the date asked for', () => {
    expect(
      dates({ type: 'daily', interval: 1 }, { type: 'noEnd', startDate: '2025-01-01' }, '2025-01-03'),
    ).toHaveLength(3);
  });

  it('refuses a weekly pattern without days', () => {
    expect(() =>
      normaliseRecurrence({ pattern: { type: 'weekly' }, range: { startDate: '2025-01-01' } }, 'UTC'),
    ).toThrow();
  });
});
