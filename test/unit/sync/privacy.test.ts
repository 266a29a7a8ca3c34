import { describe, expect, it } from 'vitest';
import { applyPrivacy } from '../../../main/sync';
import { booking } from './fixtures';

describe('applyPrivacy', () => {
  it('busy-only shows "Busy" at the same times, with no description or location', () => {
    const source = booking('b1');

    const shown = applyPrivacy(source, 'busy-only');

    expect(shown).toEqual({
      title: 'Busy',
      description: '',
      location: '',
      start: source.start,
      end: source.end,
    });
  });

  it('full copies title, description and location', () => {
    const source = booking('b1');

    const shown = applyPrivacy(source, 'full');

    expect(shown).toMatchObject({ title: source.title, description: 'Client: Ada', location: 'Room A' });
  });
});
