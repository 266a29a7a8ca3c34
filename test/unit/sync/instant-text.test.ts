import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMsText } from '../../../main/sync/instant-text';

const asDateParse = (utc: string): string | undefined => {
  const ms = Date.parse(utc);
  return Number.isNaN(ms) ? undefined : String(ms);
};

describe('instantMsText', () => {
  it('writes the epoch milliseconds of the forms the providers send', () => {
    expect(instantMsText('2026-12-01T09:00:00.000Z')).toBe('1796115600000');
    expect(instantMsText('2026-12-01T09:00:00Z')).toBe('1796115600000');
    expect(instantMsText('2026-12-01T09:00:00.123Z')).toBe('1796115600123');
  });

  it('gives what Date.parse gives for month ends, early years, offsets and text that is no instant', () => {
    const samples = [
      '2026-02-29T00:00:00Z',
      '2024-02-29T23:59:59.999Z',
      '2026-01-31T12:00:00.000Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '0050-06-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '+002026-01-01T00:00:00.000Z',
      '2026-12-01T09:00:00+01:00',
      '2026-12-01T09:00:00.000z',
      '2026-12-01 09:00:00Z',
      '2026-13-01T09:00:00Z',
      '2026-12-0xT09:00:00Z',
      'not a time',
      '',
    ];

    for (const utc of samples) expect(instantMsText(utc), utc).toBe(asDateParse(utc));
  });

  it('gives what Date.parse gives for any instant, written either way, and for any one character changed', () => {
    const instant = fc.date({
      min: new Date('0000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.boolean(),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (date, short, at, char) => {
          const iso = date.toISOString();
          const utc = short ? iso.replace(/\.\d{3}Z$/, 'Z') : iso;
          const changed = utc.slice(0, at % utc.length) + char + utc.slice((at % utc.length) + 1);
          expect(instantMsText(utc)).toBe(asDateParse(utc));
          expect(instantMsText(changed)).toBe(asDateParse(changed));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
