import { describe, expect, it } from 'vitest';
import type { NoticeSnapshot } from '../../../main/agent/notice-memory';
import { NoticeWatcher } from '../../../main/agent/notice-watcher';
import type { AgentNotice } from '../../../preload/contract';

function watcher(initial: NoticeSnapshot, enabled = { on: true }) {
  const state = { snapshot: initial, reads: 0 };
  const shown: AgentNotice[] = [];
  const w = new NoticeWatcher({
    snapshot: async () => {
      state.reads++;
      return state.snapshot;
    },
    enabled: () => enabled.on,
    emit: (notice) => shown.push(notice),
  });
  return { w, state, shown };
}

const failing: NoticeSnapshot = {
  connections: [{ calendar_id: 'a', sync_status: 'error', status_message: 'down' }],
  conflicts: [],
};

describe('NoticeWatcher', () => {
  it('reads the state after a status event and hands on what is new, once', async () => {
    const { w, shown } = watcher(failing);

    w.onEvent({ type: 'status', data: {} });
    await w.check();
    await w.check();

    expect(shown.map((n) => n.title)).toEqual(['Sync failed']);
  });

  it('does not read the state for its own notifications or a run that only started', async () => {
    const { w, state } = watcher(failing);

    w.onEvent({ type: 'notification', data: {} });
    w.onEvent({ type: 'run-started', data: {} });

    expect(state.reads).toBe(0);
  });

  it('reads once more, not once per event, for a burst of events during a read', async () => {
    const { w, state } = watcher(failing);

    const first = w.check();
    w.onEvent({ type: 'status', data: {} });
    w.onEvent({ type: 'run-finished', data: {} });
    w.onEvent({ type: 'conflict', data: {} });
    await first;

    expect(state.reads).toBe(2);
  });

  it('shows nothing while notifications are off, and does not replay that when they are turned on', async () => {
    const enabled = { on: false };
    const { w, state, shown } = watcher(failing, enabled);
    await w.check();

    enabled.on = true;
    await w.check();
    state.snapshot = {
      connections: [{ calendar_id: 'a', sync_status: 'reauth_required', status_message: null }],
      conflicts: [],
    };
    await w.check();

    expect(shown.map((n) => n.title)).toEqual(['Sign in again']);
  });

  it('logs a failed read and keeps going', async () => {
    const lines: Record<string, unknown>[] = [];
    let fail = true;
    const shown: AgentNotice[] = [];
    const w = new NoticeWatcher({
      snapshot: async () => {
        if (fail) throw new Error('db closed');
        return failing;
      },
      enabled: () => true,
      emit: (n) => shown.push(n),
      log: (line) => lines.push(line),
    });

    await w.check();
    fail = false;
    await w.check();

    expect(lines).toEqual([
      { msg: 'notifications: could not read the agent state', error: 'Error: db closed' },
    ]);
    expect(shown).toHaveLength(1);
  });
});
