/**
 * The steps that hold a connection back, and what the model expects of them (shared/SYNC.md, "Changing a
 * connection"): pause and resume, one connection or all; another device taking a calendar over in Sched, and this
 * device taking it back. A paused connection runs no more until it is resumed; a calendar another device holds is not
 * run here once this device could have noticed (its next registry read), and Sched keeps showing the other device.
 */
import { holdCheckEveryMs } from '../../../main/agent/device-hold';
import { attempt, failed } from './commands';
import { otherDevice } from './fake-services';
import type { Model } from './model';
import type { Step } from './steps';
import type { AgentWorld } from './world';

const runsOf = async (world: AgentWorld, calendarId: string) =>
  (await world.agent.runs({ calendar_id: calendarId })).runs;

async function notePause(world: AgentWorld, model: Model, calendarId: string, paused: boolean) {
  if (!paused) model.paused.delete(calendarId);
  else if (!model.paused.has(calendarId))
    model.paused.set(calendarId, (await runsOf(world, calendarId)).length);
}

/** Pauses or resumes one connection (`update {paused}`) or all of them (`pauseAll`). */
export async function pauseStep(
  world: AgentWorld,
  model: Model,
  step: Extract<Step, { kind: 'pause' }>,
): Promise<string> {
  const connections = (await world.agent.list()).calendars;
  if (step.pick === null) {
    const r = await attempt(model, 'pause all', () => world.agent.pauseAll({ paused: step.paused }));
    if (failed(r)) return r.error;
    for (const c of connections) await notePause(world, model, c.calendar_id, step.paused);
    return r.calendars.map((c) => `${c.calendar_id}: ${c.sync_status}`).join('; ') || 'no connection';
  }
  const c = connections.length ? connections[step.pick % connections.length] : undefined;
  if (!c) return 'no connection';
  const r = await attempt(model, 'pause', () =>
    world.agent.update({ calendar_id: c.calendar_id, paused: step.paused }),
  );
  if (failed(r)) return r.error;
  await notePause(world, model, c.calendar_id, step.paused);
  return `${c.calendar_id}: ${r.sync_status}`;
}

/** The other device takes a connection's calendar over in Sched, or this device takes it back (`takeover`). */
export async function deviceStep(
  world: AgentWorld,
  model: Model,
  step: Extract<Step, { kind: 'device' }>,
): Promise<string> {
  const connections = (await world.agent.list()).calendars;
  const c = connections.length ? connections[step.pick % connections.length] : undefined;
  if (!c) return 'no connection';
  if (step.takes === 'other') {
    if (!world.directory.takeOver(c.calendar_id)) return 'not in Sched';
    model.otherHolds.add(c.calendar_id);
    if (!model.heldByOther.has(c.calendar_id))
      model.heldByOther.set(c.calendar_id, world.nowMs + holdCheckEveryMs);
    return `${otherDevice.name} holds ${c.calendar_id}`;
  }
  const r = await attempt(model, 'take back', () =>
    world.agent.connect({
      resource_id: c.resource_id,
      calendar_service: c.calendar_service,
      calendar_id: c.calendar_id,
      takeover: true,
    }),
  );
  if (failed(r)) {
    if (model.otherHolds.has(c.calendar_id))
      model.fail('held-elsewhere', `taking ${c.calendar_id} back with takeover was refused: ${r.error}`);
    return r.error;
  }
  model.otherHolds.delete(c.calendar_id);
  model.heldByOther.delete(c.calendar_id);
  return `${c.calendar_id}: ${r.sync_status}`;
}

/**
 * After every step: a paused connection ran no more, a calendar the other device holds was not run here after this
 * device could have noticed, and Sched still shows the other device on each calendar it holds. A person's undo,
 * answer or review runs by request, and a lost state DB forgets runs: those steps only take new counts.
 */
export async function checkHolds(world: AgentWorld, model: Model, step: Step): Promise<void> {
  const connected = new Set((await world.agent.list()).calendars.map((c) => c.calendar_id));
  const recount = ['undo', 'resolve', 'review', 'lose-state'].includes(step.kind);
  for (const [id, runs] of model.paused) {
    if (!connected.has(id)) {
      model.paused.delete(id);
      continue;
    }
    const now = (await runsOf(world, id)).length;
    if (recount) model.paused.set(id, now);
    else if (now > runs) model.fail('paused-run', `${id} is paused, yet it ran ${now - runs} times`);
  }
  for (const [id, noticeBy] of model.heldByOther) {
    if (!connected.has(id)) {
      model.heldByOther.delete(id);
      continue;
    }
    const late = (await runsOf(world, id)).find((run) => Date.parse(run.started_at) > noticeBy);
    if (late)
      model.fail(
        'held-elsewhere',
        `${otherDevice.name} holds ${id}, yet this device ran it at ${late.started_at}, after it should have noticed`,
      );
  }
  for (const id of model.otherHolds) {
    const entry = world.directory.registry.get(id);
    if (entry?.device?.id !== otherDevice.id)
      model.fail('held-elsewhere', `Sched no longer shows ${id} as synced by ${otherDevice.name}`);
  }
}
