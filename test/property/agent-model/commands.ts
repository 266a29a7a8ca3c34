/**
 * The agent steps of a story, each done through the agent API as a person would (connect, change settings, remap,
 * sync, preview, undo, resolve, review, sign in again), plus what happens to the world (time, crashes, a lost state
 * DB, expired cursors, revoked sign-ins). Checks that belong to one step (a preview predicts its run, the schedule
 * leaves a new connection alone, quiet runs converge) are made here.
 */
import type { Connection, RunSummary } from '../../../preload/contract';
import type { SyncItem } from '../../../main/sync';
import { exceptionItemId, overlapsWindow, syncWindow } from '../../../main/sync';
import { accountIdOf } from './fake-services';
import { deviceStep, pauseStep } from './hold-steps';
import { checkConflicts, checkCoverage, checkDuplicates } from './invariants';
import type { Model } from './model';
import { personStep } from './person';
import { previewThenSync } from './preview-step';
import { attempt, connections, describeRun, failed, pickOf, revoked } from './step-calls';
export { attempt, failed } from './step-calls';
import { names, type Step } from './steps';
import { calendars, zone, type AgentWorld } from './world';

/**
 * "Sync all", then Sync now on each connection still waiting for its first run (a person starts those by name,
 * shared/SYNC.md "Changing a connection"): "sync all" itself must leave them alone.
 */
async function syncAll(world: AgentWorld, model: Model): Promise<{ runs: RunSummary[] } | { error: string }> {
  const waiting = new Set(
    (await connections(world)).filter((c) => c.awaiting_first_sync).map((c) => c.calendar_id),
  );
  const all = await attempt(model, 'sync all', () => world.agent.syncNow());
  if (failed(all)) return all;
  for (const run of all.runs)
    if (waiting.has(run.calendar_id))
      model.fail('uninvited-run', `sync all ran ${run.calendar_id} before a person synced it by name`);
  for (const id of waiting) {
    const r = await attempt(model, 'first sync', () => world.agent.syncNow({ calendar_id: id }));
    if (!failed(r)) all.runs.push(...r.runs);
  }
  for (const run of all.runs) if (run.status === 'ok') model.unsyncedSinceLoss.delete(run.calendar_id);
  return all;
}

/** Applies one step; returns a few words on what happened. */
export async function applyStep(world: AgentWorld, model: Model, step: Step): Promise<string> {
  const { agent } = world;
  switch (step.kind) {
    case 'add':
    case 'edit':
    case 'move':
    case 'delete':
      return personStep(world, model, step, await connections(world));
    case 'wait':
      return waitFor(world, model, step.minutes);
    case 'connect': {
      const calendar = calendars[step.calendar % calendars.length]!;
      const r = await attempt(model, 'connect', () =>
        agent.connect({
          resource_id: names.res(step.resource),
          calendar_service: calendar.service,
          calendar_id: calendar.id,
          oauth_token: 'refresh-token-of-the-model',
          sync_settings: step.settings,
        }),
      );
      if (failed(r)) return r.error;
      model.neverRun.add(calendar.id);
      keepCopiesOutsideWindow(world, model, r);
      return 'connected';
    }
    case 'disconnect': {
      const c = pickOf(await connections(world), step.pick);
      if (!c) return 'no connection';
      const r = await attempt(model, 'disconnect', () => agent.disconnect({ calendar_id: c.calendar_id }));
      model.neverRun.delete(c.calendar_id);
      return failed(r) ? r.error : `disconnected ${c.calendar_id}`;
    }
    case 'remap':
    case 'setting': {
      const c = pickOf(await connections(world), step.pick);
      if (!c) return 'no connection';
      const input =
        step.kind === 'remap'
          ? { calendar_id: c.calendar_id, resource_id: names.res(step.resource) }
          : { calendar_id: c.calendar_id, sync_settings: step.patch };
      const r = await attempt(model, step.kind, () => agent.update(input));
      if (!failed(r) && r.resource_id !== c.resource_id) keepCopiesOutsideWindow(world, model, r);
      return failed(r) ? r.error : `${c.calendar_id}: ${r.resource_id}, ${JSON.stringify(r.sync_settings)}`;
    }
    case 'sync': {
      const c = step.pick === null ? null : pickOf(await connections(world), step.pick);
      if (step.pick !== null && !c) return 'no connection';
      world.crash = step.crash ? { ...step.crash } : null;
      const r = c
        ? await attempt(model, 'sync', () => agent.syncNow({ calendar_id: c.calendar_id }))
        : await syncAll(world, model);
      world.crash = null;
      if (failed(r)) return r.error;
      for (const run of r.runs) model.neverRun.delete(run.calendar_id);
      for (const run of r.runs) if (run.status === 'ok') model.unsyncedSinceLoss.delete(run.calendar_id);
      return r.runs.map(describeRun).join('; ') || 'nothing to run';
    }
    case 'preview':
      return previewThenSync(world, model, step.pick);
    case 'undo': {
      const runs = (await agent.runs()).runs.filter((run) => run.kind === 'sync' && !run.undone);
      const run = pickOf(runs, step.pick);
      if (!run) return 'no run to undo';
      const before = copies(world);
      const versions = new Set(world.snapshot().split(' '));
      const gone = copiesAlreadyGone(world, run.run_id);
      const r = await attempt(model, 'undo', () => agent.undo({ run_id: run.run_id }));
      const after = new Set(copies(world).map(([copy]) => copy));
      for (const [copy, original] of before) if (!after.has(copy)) model.undoExempt.add(original);
      // A copy the run made that a person deleted since is gone as the undo wants it: its original stays uncopied.
      if (!failed(r)) for (const original of gone) model.undoExempt.add(original);
      // A reverted update leaves the two sides apart by design, until a person edits one of them.
      const reverted = world
        .snapshot()
        .split(' ')
        .filter((v) => !versions.has(v))
        .map((v) => v.split('@')[0]!);
      for (const [copy, original] of before)
        if (reverted.includes(copy) || reverted.includes(original)) model.undoExempt.add(original).add(copy);
      return failed(r) ? r.error : `undid ${run.run_id}: ${describeRun(r)}`;
    }
    case 'resolve': {
      const conflict = pickOf((await agent.conflicts()).conflicts, step.pick);
      if (!conflict) return 'no conflict';
      const choices =
        conflict.kind === 'overlap'
          ? (['import-anyway', 'skip'] as const)
          : (['keep-sched', 'keep-external'] as const);
      const resolution = choices[step.choice];
      const r = await attempt(model, 'resolve', () => agent.resolveConflict({ id: conflict.id, resolution }));
      if (!failed(r) && resolution === 'skip' && conflict.external) model.skipped.add(conflict.external.id);
      return failed(r) ? r.error : `${conflict.kind} conflict ${conflict.id}: ${resolution}`;
    }
    case 'review': {
      const waiting = (await connections(world)).filter((c) => c.sync_status === 'needs_review');
      const c = pickOf(waiting, step.pick);
      if (!c) return 'no review waiting';
      const r = await attempt(model, 'review', () =>
        agent.review({ calendar_id: c.calendar_id, decision: step.decision }),
      );
      return failed(r) ? r.error : `${c.calendar_id}: ${r.run ? describeRun(r.run) : 'cancelled'}`;
    }
    case 'expire-cursor': {
      const where = names.container(step.side, step.where);
      (step.side === 'sched' ? world.resourceProvider(where) : world.calendarProvider(where)).expireCursors();
      return 'expired';
    }
    case 'lose-state':
      for (const c of await connections(world)) model.unsyncedSinceLoss.add(c.calendar_id);
      for (const [copy] of copies(world)) model.orphanable.add(copy);
      // Busy blocks too, by their item id: one outside the window when its event goes cannot be seen to go.
      for (const [, blocks] of world.exceptions)
        for (const x of blocks.live()) if (x.source) model.orphanable.add(exceptionItemId(x.id));
      await world.loseState();
      return 'lost';
    case 'revoke':
      world.revoked.add(accountIdOf(step.service));
      return 'revoked';
    case 'renew':
      return renew(world, model, step);
    case 'pause':
      return pauseStep(world, model, step);
    case 'device':
      return deviceStep(world, model, step);
    case 'settle':
      return quietRuns(world, model);
  }
}

/**
 * A remap (or a connect to another resource) removes the old resource's copies from the calendar, but only those in
 * the window: one outside it is history the agent never touches (SYNC.md, "What each direction may touch"), and it
 * stays, untouched, if a person moves it into the window later (docs/sync-rules.md, "Changing a connection").
 */
function keepCopiesOutsideWindow(world: AgentWorld, model: Model, c: Connection): void {
  const { window_days_past: past, window_days_future: future } = c.sync_settings;
  const window = syncWindow(world.now().toISOString(), past, future, zone);
  for (const event of world.calendarProvider(c.calendar_id).live())
    if (event.tags && !overlapsWindow(event, window, zone)) model.orphanable.add(event.id);
}

/** Live copies the agent made, as [copy id, original id]. */
function copies(world: AgentWorld): [string, string][] {
  return [
    ...world
      .liveItems('external')
      .flatMap(({ item }) => (item.tags ? [[item.id, item.tags.bookingId] as [string, string]] : [])),
    ...[...world.liveItems('sched'), ...liveBlocks(world)].flatMap(({ item }) =>
      item.source ? [[item.id, item.source.eventId] as [string, string]] : [],
    ),
  ];
}

/** Every resource's live availability exceptions, by the ids the agent knows them by (sched-kinds.ts). */
function liveBlocks(world: AgentWorld): { item: SyncItem }[] {
  return [...world.exceptions.values()].flatMap((provider) =>
    provider.live().map((block) => ({ item: { ...block, id: exceptionItemId(block.id) } })),
  );
}

/**
 * Originals of the copies run `runId` created that are no longer live (a person deleted them): undoing the run
 * leaves them uncopied, as if the undo had removed the copy (docs/sync-rules.md, "Preview, journal and undo").
 */
function copiesAlreadyGone(world: AgentWorld, runId: string): string[] {
  const live = new Set(
    [...world.liveItems('sched'), ...liveBlocks(world), ...world.liveItems('external')].map(
      ({ item }) => item.id,
    ),
  );
  return world.db.journal.forRun(runId).flatMap((entry) => {
    const copy = entry.side === 'sched' ? entry.bookingId : entry.eventId;
    const original = entry.side === 'sched' ? entry.eventId : entry.bookingId;
    return entry.action === 'create' && copy && original && !live.has(copy) && live.has(original)
      ? [original]
      : [];
  });
}

async function waitFor(world: AgentWorld, model: Model, minutes: number): Promise<string> {
  const waiting = [...model.neverRun];
  const before = await Promise.all(
    waiting.map(async (id) => (await world.agent.runs({ calendar_id: id })).runs.length),
  );
  world.nowMs += minutes * 60_000;
  await world.cron.fire(minutes * 60_000);
  await world.settleRuns();
  for (const [i, id] of waiting.entries()) {
    const runs = (await world.agent.runs({ calendar_id: id })).runs;
    if (runs.length > before[i]!)
      model.fail('uninvited-run', `the schedule ran ${id} before a person synced or previewed it`);
  }
  const runs = (await world.agent.runs()).runs.filter(
    (r) => Date.parse(r.started_at) >= world.nowMs - 60_000,
  );
  return runs.length ? `scheduled: ${runs.map(describeRun).join('; ')}` : 'no scheduled run';
}

async function renew(
  world: AgentWorld,
  model: Model,
  step: Extract<Step, { kind: 'renew' }>,
): Promise<string> {
  const using = (await connections(world)).find((c) => c.calendar_service === step.service);
  if (step.how === 'token' && using) {
    const r = await attempt(model, 'update with oauth_token', () =>
      world.agent.update({ calendar_id: using.calendar_id, oauth_token: 'a-new-refresh-token' }),
    );
    return failed(r) ? r.error : `${using.calendar_id}: ${r.sync_status}`;
  }
  const r = await attempt(model, 'sign in', () => world.agent.signIn({ provider: step.service }));
  await world.settleRuns();
  return failed(r) ? r.error : 'signed in';
}

/**
 * Sync all twice with no faults (three times when two calendars share a resource): the runs succeed, the last
 * writes nothing, and everything is copied.
 */
export async function quietRuns(world: AgentWorld, model: Model): Promise<string> {
  world.crash = null;
  const first = await syncAll(world, model);
  // Calendars of one resource hear of each other's changes through it, a run later each: with k calendars a chain can
  // take k more passes (an event's move frees a slot, the event waiting for it is booked, its booking is copied to
  // the others). Relay passes go on while they change something, at most k.
  // A remap links resources too: a booking it moves off one resource leaves that resource's other calendars a run
  // later. So every connection counts, not only those of one resource now.
  const sharing = (await connections(world)).length;
  for (let pass = 0; !failed(first) && sharing > 1 && pass < sharing; pass++) {
    const moved = world.snapshot();
    const relay = await attempt(model, 'relay sync', () => world.agent.syncNow());
    if (failed(relay)) break;
    first.runs.push(...relay.runs);
    if (world.snapshot() === moved) break;
  }
  const writes = world.writes();
  const before = world.snapshot();
  const second = await attempt(model, 'second quiet sync', () => world.agent.syncNow());
  if (failed(first) || failed(second)) return 'sync all refused';
  for (const run of [...first.runs, ...second.runs]) {
    model.neverRun.delete(run.calendar_id);
    if (run.status === 'error' && !revoked(world, run.calendar_id))
      model.fail('quiet-run-failed', `a quiet run of ${run.calendar_id} failed: ${run.message}`);
  }
  const runs = second.runs.map(describeRun).join('; ');
  if (world.snapshot() !== before)
    model.fail('second-run-writes', `the second quiet run changed items: ${runs}`);
  else if (world.writes() !== writes)
    model.fail(
      'second-run-requests',
      `the second quiet run sent ${world.writes() - writes} write requests: ${runs}`,
    );
  const listed = (await connections(world)).filter((c) => !revoked(world, c.calendar_id));
  checkDuplicates(world, model, true);
  const open = (await world.agent.conflicts()).conflicts;
  checkCoverage(world, model, listed, open);
  // A conflict settles in a run of its calendar: one whose sign-in is refused does not run until it is renewed, and a
  // paused one keeps its state, conflicts included, until it is resumed.
  const paused = new Set(listed.filter((c) => c.sync_status === 'paused').map((c) => c.calendar_id));
  checkConflicts(
    world,
    model,
    open.filter((c) => !revoked(world, c.calendar_id) && !paused.has(c.calendar_id)),
  );
  return first.runs.map(describeRun).join('; ') || 'nothing to run';
}
