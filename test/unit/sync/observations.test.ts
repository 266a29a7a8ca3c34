import { describe, expect, it } from 'vitest';
import { linkSideOf, syncWindow } from '../../../main/sync';
import { SideView } from '../../../main/sync/observations';
import { booking, edited, london, now, zone } from './fixtures';

const window = syncWindow(now, 30, 180, zone);
const last = linkSideOf(booking('b1'));

describe('SideView.observe', () => {
  it('sees a new version with the same content as no change', () => {
    const view = new SideView({ items: [{ ...booking('b1'), version: 'b1-v9' }] }, window, zone);

    expect(view.observe(last)).toMatchObject({ state: 'same', current: { version: 'b1-v9' } });
  });

  it('sees changed content, cancellations and deletions', () => {
    expect(
      new SideView({ items: [edited(booking('b1'), { title: 'New' })] }, window, zone).observe(last).state,
    ).toBe('changed');
    expect(
      new SideView({ items: [edited(booking('b1'), { status: 'cancelled' })] }, window, zone).observe(last),
    ).toMatchObject({
      state: 'gone',
      item: { status: 'cancelled' },
    });
    expect(new SideView({ items: [], deleted: ['b1'] }, window, zone).observe(last)).toEqual({
      state: 'gone',
    });
  });

  it('reads absence from a full read as deletion only inside the window', () => {
    const outside = linkSideOf(
      booking('b2', { start: london('2024-06-01T10:00'), end: london('2024-06-01T11:00') }),
    );
    const view = new SideView({ items: [], full: true }, window, zone);

    expect(view.observe(last).state).toBe('gone');
    expect(view.observe(outside).state).toBe('same');
  });
});
