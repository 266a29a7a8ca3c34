/**
 * The world the engine's property tests drive: Sched and a calendar in memory, a person who edits both, runs that
 * may crash between any two writes, and a state DB that can be lost. Small fakes only; the engine is the real one.
 */
import fc, { type MaybeWeightedArbitrary } from 'fast-check';
import { Engine, type EngineConnection, type RunSummary } from '../../main/engine';
import type { CalendarProvider, CreateRequest, ListRequest } from '../../main/providers/port';
import { MemoryProvider } from '../fakes/memory-provider';
import { openStateDb, type StateDb } from '../../main/store';
import type { ConflictStrategy, ItemFields, Side, SideCapabilities, SyncItem } from '../../main/sync';
import { canonicalFields, instantAt } from '../../main/sync';

const zone = 'Europe/London';

/** The process dying: thrown by the crash fake, never by the engine's own code. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

/** Counts writes on both sides and "kills the process" at the chosen one, before or after it reaches the server. */
class CrashPoint {
  constructor(
    private remaining: number,
    readonly when: 'before' | 'after',
  ) {}

  /** Runs a write, crashing at the chosen point. */
  async write<T>(send: () => Promise<T>): Promise<T> {
    this.remaining -= 1;
    if (this.remaining >= 0) return send();
    if (this.when === 'after') await send();
    throw new SimulatedCrash();
  }
}

/** A provider whose writes pass through a crash point. */
class CrashingProvider implements CalendarProvider {
  readonly side: Side;
  readonly capabilities: SideCapabilities;
  constructor(
    private readonly inner: MemoryProvider,
    private readonly point: CrashPoint,
  ) {
    this.side = inner.side;
    this.capabilities = inner.capabilities;
  }
  requestCount() {
    return this.inner.requestCount();
  }
  listChanges(request: ListRequest) {
    return this.inner.listChanges(request);
  }
  get(id: string) {
    return this.inner.get(id);
  }
  create(request: CreateRequest) {
    return this.point.write(() => this.inner.create(request));
  }
  update(id: string, fields: ItemFields, options: { ifMatch: string }) {
    return this.point.write(() => this.inner.update(id, fields, options));
  }
  delete(id: string, options?: { ifMatch?: string }) {
    return this.point.write(() => this.inner.delete(id, options));
  }
}

/** Fields of a one-hour appointment in March 2025, London time (inside the sync window). */
export function slot(title: string, day: number, hour: number): ItemFields {
  const date = `2025-03-${String(day).padStart(2, '0')}`;
  return {
    title,
    description: '',
    location: '',
    start: instantAt(`${date}T${String(hour).padStart(2, '0')}:00`, zone),
    end: instantAt(`${date}T${String(hour + 1).padStart(2, '0')}:00`, zone),
  };
}

/** One step of the story. */
export type Step =
  | { kind: 'add'; side: Side; title: string; day: number; hour: number }
  | { kind: 'edit'; side: Side; pick: number; title: string }
  | { kind: 'place'; pick: number; location: string }
  | { kind: 'move'; side: Side; pick: number; day: number; hour: number }
  | { kind: 'delete'; side: Side; pick: number }
  | { kind: 'sync'; crash: { after: number; when: 'before' | 'after' } | null }
  | { kind: 'expire-cursor'; side: Side }
  | { kind: 'lose-state' };

const side = fc.constantFrom<Side>('sched', 'external');
const title = fc.constantFrom('Standup', 'Review', 'Lunch', 'Dentist', 'Physio');
const day = fc.integer({ min: 11, max: 28 });
const hour = fc.integer({ min: 7, max: 18 });
const pick = fc.nat({ max: 20 });

/**
 * Person edits, syncs that may crash, expired cursors; `lose-state` only when `withStateLoss`. `weightDeletes` makes
 * adds, syncs and deletes three times as likely, so stories where an item the agent just copied is deleted before the
 * next read (what Graph's feed can miss) turn up within a small number of runs.
 */
export function stepsArb(withStateLoss: boolean, weightDeletes = false): fc.Arbitrary<Step[]> {
  const weight = weightDeletes ? 3 : 1;
  const steps: MaybeWeightedArbitrary<Step>[] = [
    { arbitrary: fc.record({ kind: fc.constant('add' as const), side, title, day, hour }), weight },
    fc.record({ kind: fc.constant('edit' as const), side, pick, title }),
    fc.record({
      kind: fc.constant('place' as const),
      pick,
      location: fc.constantFrom('', 'Room 4', 'Depot'),
    }),
    fc.record({ kind: fc.constant('move' as const), side, pick, day, hour }),
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), side, pick }), weight },
    {
      weight,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        crash: fc.option(
          fc.record({
            after: fc.nat({ max: 5 }),
            when: fc.constantFrom<'before' | 'after'>('before', 'after'),
          }),
          { nil: null },
        ),
      }),
    },
    fc.record({ kind: fc.constant('expire-cursor' as const), side }),
  ];
  if (withStateLoss) steps.push(fc.constant({ kind: 'lose-state' as const }));
  return fc.array(fc.oneof(...steps), { minLength: 1, maxLength: 14 });
}

/** A resolution strategy that settles every edit conflict by itself (manual ones never converge on their own). */
export const strategyArb = fc.constantFrom<ConflictStrategy>('prefer-sched', 'prefer-external', 'newest');

/**
 * Which calendar's change feed the external side behaves like: Google reports every deletion since a cursor, Graph's
 * `calendarView/delta` only deletions of events that existed when its cursor was handed out.
 */
export type ExternalFeed = 'google' | 'graph';

/** Sched, a calendar and the engine's state, driven step by step. */
export class EngineWorld {
  readonly sched: MemoryProvider;
  readonly external: MemoryProvider;
  db: StateDb;
  engine: Engine;
  private tick = 0;
  private readonly now = new Date('2025-03-10T12:00:00.000Z');

  constructor(
    private readonly strategy: ConflictStrategy,
    private readonly feed: ExternalFeed = 'google',
  ) {
    const clock = (): string => new Date(this.now.getTime() + this.tick++ * 1000).toISOString();
    this.sched = new MemoryProvider({ side: 'sched', clock, zone, rejectOverlaps: false });
    const reportsDeletions = feed === 'graph' ? 'known' : 'all';
    this.external = new MemoryProvider({ side: 'external', clock, zone, reportsDeletions });
    this.db = this.openDb();
    this.engine = this.start();
  }

  /** The connection, with providers that crash at `crash` when given. */
  connection(crash: Step & { kind: 'sync' } = { kind: 'sync', crash: null }): EngineConnection {
    const point = crash.crash ? new CrashPoint(crash.crash.after, crash.crash.when) : null;
    return {
      calendarId: 'room-a@example.com',
      resourceId: 'res-1',
      resourceTimezone: zone,
      calendarService: this.feed === 'graph' ? 'microsoft' : 'google',
      settings: {
        direction: 'two-way',
        conflict_resolution: this.strategy,
        privacy: 'full',
        window_days_past: 30,
        window_days_future: 180,
      },
      sched: point ? new CrashingProvider(this.sched, point) : this.sched,
      external: point ? new CrashingProvider(this.external, point) : this.external,
    };
  }

  /** Applies one step. A crashed run is followed by a restart: a new engine on the same state DB. */
  async apply(step: Step): Promise<RunSummary | null> {
    if (step.kind === 'sync') {
      const summary = await this.engine.run(this.connection(step));
      if (step.crash) this.engine = this.start();
      return summary;
    }
    if (step.kind === 'expire-cursor') {
      this.provider(step.side).expireCursors();
    } else if (step.kind === 'lose-state') {
      this.db.close();
      this.db = this.openDb();
      this.engine = this.start();
    } else if (step.kind === 'add') {
      this.provider(step.side).add(slot(step.title, step.day, step.hour));
    } else if (step.kind === 'place') {
      // Only calendars have a location; Sched bookings have none.
      const target = this.picked('external', step.pick);
      if (target) this.external.edit(target.id, { location: step.location });
    } else {
      this.personEdit(step);
    }
    return null;
  }

  /** Undoes a run, as a person would from the activity list. */
  undo(runId: string): Promise<RunSummary> {
    return this.engine.undo(runId, this.connection());
  }

  /** A person renames every live booking in Sched. */
  renameAllBookings(suffix: string): void {
    for (const booking of this.sched.live())
      this.sched.edit(booking.id, { title: `${booking.title} ${suffix}` });
  }

  /** Live items of one side with their location, sorted, to check that no location a person set goes missing. */
  locations(which: Side): string[] {
    return this.provider(which)
      .live()
      .map((item) => `${item.id}:${item.location}`)
      .sort();
  }

  private personEdit(step: Step & { kind: 'edit' | 'move' | 'delete' }): void {
    const target = this.picked(step.side, step.pick);
    if (!target) return;
    const provider = this.provider(step.side);
    if (step.kind === 'edit') provider.edit(target.id, { title: `${step.title} ${this.tick}` });
    else if (step.kind === 'move') {
      const moved = slot(target.title, step.day, step.hour);
      provider.edit(target.id, { start: moved.start, end: moved.end });
    } else provider.remove(target.id);
  }

  /**
   * Live items of both sides as sorted content, for comparing by what a person sees. The location is left out: Sched
   * has no such field, so the sides can only agree on the rest.
   */
  contents(): Record<Side, string[]> {
    const of = (provider: MemoryProvider) =>
      provider
        .live()
        .map((item) => canonicalFields({ ...item, location: '' }))
        .sort();
    return { sched: of(this.sched), external: of(this.external) };
  }

  /** Writes both providers have received so far. */
  writes(): number {
    const count = (p: MemoryProvider) => p.requests.create + p.requests.update + p.requests.delete;
    return count(this.sched) + count(this.external);
  }

  /** Live items that are a second copy of the same item (two events for one booking, two bookings for one event). */
  duplicates(): SyncItem[] {
    const seen = new Set<string>();
    const twice: SyncItem[] = [];
    const copies = [
      ...this.external
        .live()
        .flatMap((event) => (event.tags ? [[`b:${event.tags.bookingId}`, event] as const] : [])),
      ...this.sched
        .live()
        .flatMap((booking) => (booking.source ? [[`e:${booking.source.eventId}`, booking] as const] : [])),
    ];
    for (const [key, item] of copies) {
      if (seen.has(key)) twice.push(item);
      seen.add(key);
    }
    return twice;
  }

  private provider(which: Side): MemoryProvider {
    return which === 'sched' ? this.sched : this.external;
  }

  private picked(which: Side, index: number): SyncItem | undefined {
    const live = this.provider(which).live();
    return live.length === 0 ? undefined : live[index % live.length];
  }

  private openDb(): StateDb {
    return openStateDb(':memory:', { clock: () => this.now });
  }

  private start(): Engine {
    return new Engine({ db: this.db, now: () => this.now });
  }
}
