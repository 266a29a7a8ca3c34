/**
 * The step language of the agent model's counterexamples (counterexamples-*.test.ts): a person's actions written
 * short, and `check`, which replays a story through the harness with every check on.
 */
import { expectStoryHolds } from './harness';
import type { ConnectSettings, SideName, Step } from './steps';

const twoWay: ConnectSettings = {
  direction: 'two-way',
  conflict_resolution: 'prefer-sched',
  sync_frequency: 'manual',
};
export const connect = (
  calendar: number,
  resource: number,
  settings: Partial<ConnectSettings> = {},
): Step => ({
  kind: 'connect',
  calendar,
  resource,
  settings: { ...twoWay, ...settings },
});
export const add = (side: SideName, day: number, hour: number, where = 0): Step => ({
  kind: 'add',
  side,
  where,
  title: 'Standup',
  day,
  hour,
});
export const move = (side: SideName, day: number, hour: number, pick = 0): Step => ({
  kind: 'move',
  side,
  pick,
  day,
  hour,
});
export const rename = (side: SideName, pick = 0): Step => ({ kind: 'edit', side, pick, title: 'Review' });
export const remove = (side: SideName, pick = 0): Step => ({ kind: 'delete', side, pick });
export const sync: Step = { kind: 'sync', pick: null, crash: null };
export const undoLatest: Step = { kind: 'undo', pick: 0 };
export const settle: Step = { kind: 'settle' };
const all = new Set<string>();
/** The story as a test: it fails, with the story's log and what broke, until the bug it shows is fixed. */
export const check = (steps: Step[]) => () => expectStoryHolds(steps, all);
