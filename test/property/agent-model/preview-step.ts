/** The preview step: a preview, then the run it predicts, and the check that it predicted it. */
import type { Connection } from '../../../preload/contract';
import { overlapsWindow, syncWindow } from '../../../main/sync';
import type { Model } from './model';
import { attempt, connections, describeRun, failed, pickOf, revoked } from './step-calls';
import { zone, type AgentWorld } from './world';

/** Previews a connection, syncs it, and fails the story when the run did other than the preview said. */
export async function previewThenSync(world: AgentWorld, model: Model, pick: number): Promise<string> {
  const c = pickOf(await connections(world), pick);
  if (!c) return 'no connection';
  const preview = await attempt(model, 'preview', () => world.agent.preview({ calendar_id: c.calendar_id }));
  if (failed(preview)) return preview.error;
  model.neverRun.delete(c.calendar_id);
  const r = await attempt(model, 'sync', () => world.agent.syncNow({ calendar_id: c.calendar_id }));
  if (failed(r)) return `preview ${JSON.stringify(preview.counts)}; sync: ${r.error}`;
  const run = r.runs[0]!;
  const p = preview.counts;
  const predicted = JSON.stringify([p.create, p.update, p.delete]);
  const happened = JSON.stringify([run.created, run.updated, run.deleted]);
  if (preview.guard.verdict === 'needs_review' && run.status !== 'needs_review')
    model.fail(
      'preview',
      `the preview of ${c.calendar_id} said the run stops for review; it ended ${run.status}`,
    );
  else if (
    run.status === 'ok' &&
    predicted !== happened &&
    !revoked(world, c.calendar_id) &&
    !copyOutsideWindowAfterLoss(world, model, c)
  )
    model.fail(
      'preview',
      `the preview of ${c.calendar_id} predicted create/update/delete ${predicted}; the run did ${happened}`,
    );
  if (run.status === 'ok') model.unsyncedSinceLoss.delete(c.calendar_id);
  return `preview ${predicted}; ${describeRun(run)}`;
}

/** True when the state DB was lost before this connection's run and a copy live then now lies outside its window. */
function copyOutsideWindowAfterLoss(world: AgentWorld, model: Model, c: Connection): boolean {
  if (!model.unsyncedSinceLoss.has(c.calendar_id)) return false;
  const window = syncWindow(
    world.now().toISOString(),
    c.sync_settings.window_days_past,
    c.sync_settings.window_days_future,
    zone,
  );
  return [...world.liveItems('sched'), ...world.liveItems('external')].some(
    ({ item }) => model.orphanable.has(item.id) && !overlapsWindow(item, window, zone),
  );
}
