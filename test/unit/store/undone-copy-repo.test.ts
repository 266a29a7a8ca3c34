import { afterEach, describe, expect, it } from 'vitest';
import { tempStateDb } from './temp-state-db';

describe('UndoneCopyRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  afterEach(() => env.cleanup());

  function setup() {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    env.db.connections.ensure('cal-2');
    return env.db.undoneCopies;
  }

  it('remembers an item per connection and side, with its hash and the undo run', () => {
    const repo = setup();

    repo.remember({
      connectionId: 'cal-1',
      side: 'sched',
      itemId: 'b1',
      contentHash: 'h1',
      copyId: 'e1',
      runId: 'run-9',
    });

    expect(repo.list('cal-1', 'sched')).toEqual([
      {
        connectionId: 'cal-1',
        side: 'sched',
        itemId: 'b1',
        contentHash: 'h1',
        copyId: 'e1',
        runId: 'run-9',
        undoneAt: '2025-03-10T09:00:00.000Z',
      },
    ]);
    expect(repo.list('cal-1', 'external')).toEqual([]);
    expect(repo.list('cal-2', 'sched')).toEqual([]);
  });

  it('keeps the newest hash and copy when the same item is undone twice', () => {
    const repo = setup();
    repo.remember({
      connectionId: 'cal-1',
      side: 'external',
      itemId: 'e1',
      contentHash: 'old',
      copyId: 'b1',
    });

    repo.remember({
      connectionId: 'cal-1',
      side: 'external',
      itemId: 'e1',
      contentHash: 'new',
      copyId: 'b2',
    });

    expect(repo.list('cal-1', 'external').map((copy) => [copy.contentHash, copy.copyId])).toEqual([
      ['new', 'b2'],
    ]);
  });

  it('forgets an item and says whether it knew it', () => {
    const repo = setup();
    repo.remember({ connectionId: 'cal-1', side: 'sched', itemId: 'b1', contentHash: 'h1', copyId: 'e1' });

    const first = repo.forget('cal-1', 'sched', 'b1');
    const second = repo.forget('cal-1', 'sched', 'b1');

    expect([first, second]).toEqual([true, false]);
    expect(repo.list('cal-1', 'sched')).toEqual([]);
  });
});
