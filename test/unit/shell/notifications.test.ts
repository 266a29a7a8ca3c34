import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentNotice, NoticeView } from '../../../preload/contract';
import { FakeNotification } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);
const { createNotifier } = await import('../../../main/shell/notifications');

const conflict: AgentNotice = {
  cause: 'conflicts',
  title: 'Double booking',
  body: 'a: a Sched booking overlaps a calendar event. Choose what to keep in Conflicts.',
  view: 'conflicts',
  calendar_id: 'a',
};

describe('createNotifier', () => {
  beforeEach(() => {
    FakeNotification.shown = [];
    FakeNotification.supported = true;
  });

  it('shows the notice and, clicked, opens the view that fixes it', () => {
    const opened: NoticeView[] = [];
    const notify = createNotifier(
      () => true,
      (view) => opened.push(view),
    );

    notify(conflict);
    FakeNotification.shown[0]!.emit('click');

    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      { title: 'Sched Sync — Double booking', body: conflict.body, silent: false },
    ]);
    expect(opened).toEqual(['conflicts']);
  });

  it('reads the setting at each notice, so turning it off applies at once', () => {
    const setting = { on: true };
    const notify = createNotifier(
      () => setting.on,
      () => undefined,
    );

    notify(conflict);
    setting.on = false;
    notify({ ...conflict, title: 'Sync failed', view: 'activity' });

    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Sched Sync — Double booking']);
  });

  it('shows nothing where the system has no notifications', () => {
    FakeNotification.supported = false;

    createNotifier(
      () => true,
      () => undefined,
    )(conflict);

    expect(FakeNotification.shown).toEqual([]);
  });
});
