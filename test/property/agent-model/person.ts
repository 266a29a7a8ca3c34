/**
 * What a person does directly in Sched or a calendar, bypassing the agent. Sched refuses a slot that is taken, as
 * its own booking form does; a calendar takes anything.
 */
import type { Connection } from '../../../preload/contract';
import type { SyncItem } from '../../../main/sync';
import { timeToEpochMs } from '../../../main/sync';
import type { Model } from './model';
import { names, type SideName, type Step } from './steps';
import { slotAt, zone, type AgentWorld } from './world';

type PersonStep = Extract<Step, { kind: 'add' | 'edit' | 'move' | 'delete' }>;

function taken(
  world: AgentWorld,
  resourceId: string,
  fields: Pick<SyncItem, 'start' | 'end'>,
  self?: string,
) {
  const start = timeToEpochMs(fields.start, zone);
  const end = timeToEpochMs(fields.end, zone);
  return [...world.resourceProvider(resourceId).live(), ...world.exceptionProvider(resourceId).live()].some(
    (b) =>
      b.id !== self &&
      b.status === 'confirmed' &&
      timeToEpochMs(b.start, zone) < end &&
      timeToEpochMs(b.end, zone) > start,
  );
}

/** Where a person adds an item: mostly where a connection syncs, so that most items matter to the agent. */
function placeOf(world: AgentWorld, side: SideName, n: number, connected: Connection[]): string {
  const synced = connected.map((c) => (side === 'sched' ? c.resource_id : c.calendar_id));
  if (n < 15 && synced.length > 0) return synced[n % synced.length]!;
  return names.container(side, n);
}

/** Applies a person's step; returns what happened, for the story's log. */
export function personStep(
  world: AgentWorld,
  model: Model,
  step: PersonStep,
  connected: Connection[],
): string {
  if (step.kind === 'add') {
    const where = placeOf(world, step.side, step.where, connected);
    const fields = slotAt(step.title, step.day, step.hour);
    if (step.side === 'sched' && taken(world, where, fields)) return 'Sched refuses: the slot is taken';
    const provider = step.side === 'sched' ? world.resourceProvider(where) : world.calendarProvider(where);
    // A declined invitation reads as free, as the Google and Graph adapters map it.
    const free = step.side === 'external' && (step.shows ?? 'busy') !== 'busy';
    const item = provider.add(free ? { ...fields, availability: 'free' } : fields);
    model.added(step.side, where, item);
    return `made ${item.id}`;
  }
  const live = world.liveItems(step.side);
  if (live.length === 0) return 'nothing to pick';
  const { where, item } = live[step.pick % live.length]!;
  const provider = step.side === 'sched' ? world.resourceProvider(where) : world.calendarProvider(where);
  if (step.kind === 'delete') {
    provider.remove(item.id);
    model.touched(item, undefined);
    return `deleted ${item.id}`;
  }
  if (step.kind === 'edit') {
    const after = provider.edit(item.id, {
      title: `${step.title} ${Math.floor(world.nowMs / 1000) % 10_000}`,
    });
    model.touched(item, after);
    return `renamed ${item.id}`;
  }
  const hours = (timeToEpochMs(item.end, zone) - timeToEpochMs(item.start, zone)) / 3_600_000;
  const moved = slotAt(item.title, step.day, step.hour, Math.max(1, Math.round(hours)));
  if (step.side === 'sched' && taken(world, where, moved, item.id))
    return `Sched refuses to move ${item.id}: taken`;
  const after = provider.edit(item.id, { start: moved.start, end: moved.end });
  model.touched(item, after);
  return `moved ${item.id}`;
}
