/**
 * Runs a plan's actions with several calendar writes in flight at once (issue 11, "Parallel writes per account"),
 * in plan order wherever order can matter. Only writes to a calendar whose provider allows more than one at a time
 * (`writeConcurrency`) overlap; Sched writes, links, unlinks and conflicts run alone, after everything before them,
 * because a Sched write can depend on a slot another one frees. Two writes naming the same booking or event never
 * overlap. Each action still records its own outbox intent and commits on its own: this only decides when each
 * starts.
 */
import type { CalendarProvider } from '../providers/port';
import type { Action, Side } from '../sync';

/** The ids an action touches: two actions sharing one run one after the other. */
function idsOf(action: Action): string[] {
  switch (action.type) {
    case 'create':
      return [
        `b:${action.counterpart.id}`,
        `e:${action.counterpart.id}`,
        ...(action.replaces ? [`b:${action.replaces.bookingId}`, `e:${action.replaces.eventId}`] : []),
      ];
    case 'update':
    case 'delete':
      return [`b:${action.link.bookingId}`, `e:${action.link.eventId}`];
    case 'link':
      return [`b:${action.link.sched.id}`, `e:${action.link.external.id}`];
    case 'unlink':
    case 'conflict':
      return [`b:${action.link.bookingId}`, `e:${action.link.eventId}`];
  }
}

/** How many writes of this action's kind may be in flight together; 1 means it runs alone. */
function laneWidth(action: Action, providers: Record<Side, CalendarProvider>): number {
  if (action.type !== 'create' && action.type !== 'update' && action.type !== 'delete') return 1;
  if (action.side !== 'external') return 1;
  return Math.max(1, Math.floor(providers.external.writeConcurrency ?? 1));
}

/**
 * Applies `actions` through `apply`, up to each lane's width at once. The first failure stops new starts; the
 * writes already in flight finish (and commit), then that failure is thrown.
 */
export async function scheduleWrites(
  actions: readonly Action[],
  providers: Record<Side, CalendarProvider>,
  apply: (action: Action) => Promise<void>,
): Promise<void> {
  const inFlight = new Map<Promise<void>, string[]>();
  let failure: { error: unknown } | undefined;

  const drain = async (until: (busy: number) => boolean): Promise<void> => {
    while (inFlight.size > 0 && !until(inFlight.size)) await Promise.race(inFlight.keys());
  };
  const clashes = (ids: string[]): boolean =>
    [...inFlight.values()].some((busy) => busy.some((id) => ids.includes(id)));

  for (const action of actions) {
    const width = laneWidth(action, providers);
    const ids = idsOf(action);
    if (width === 1) await drain(() => false);
    else {
      await drain((busy) => busy < width && !clashes(ids));
    }
    if (failure) break;
    const started: Promise<void> = apply(action)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(started));
    inFlight.set(started, ids);
    if (width === 1) await drain(() => false);
    if (failure) break;
  }
  await drain(() => false);
  if (failure) throw failure.error;
}
