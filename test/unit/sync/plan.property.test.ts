import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryProvider } from '../../fakes/memory-provider';
import type { Action, ItemFields, Link, PlanSettings, Side, SyncItem } from '../../../main/sync';
import { applyPrivacy, contentHash, keyOf, linkAfterWrite, linkSideOf, plan } from '../../../main/sync';
import { connection, london, now, planInput, settings, zone } from './fixtures';

const fieldsArb: fc.Arbitrary<ItemFields> = fc
  .record({
    title: fc.constantFrom('Standup', 'Review', 'Lunch', 'Dentist', ''),
    description: fc.constantFrom('', 'Client: Ada', 'Bring notes'),
    location: fc.constantFrom('', 'Room A', 'Room B'),
    day: fc.integer({ min: 11, max: 28 }),
    hour: fc.integer({ min: 7, max: 18 }),
    allDay: fc.boolean(),
  })
  .map(({ title, description, location, day, hour, allDay }) => {
    const date = `2025-03-${String(day).padStart(2, '0')}`;
    const next = `2025-03-${String(day + 1).padStart(2, '0')}`;
    const wall = `${date}T${String(hour).padStart(2, '0')}:00`;
    return {
      title,
      description,
      location,
      start: allDay ? { kind: 'date', date } : london(wall),
      end: allDay
        ? { kind: 'date', date: next }
        : london(wall.replace(/T\d\d/, `T${String(hour + 1).padStart(2, '0')}`)),
    } satisfies ItemFields;
  });

const settingsArb: fc.Arbitrary<PlanSettings> = fc
  .record({
    direction: fc.constantFrom('two-way', 'sched-to-external', 'external-to-sched'),
    conflict_resolution: fc.constantFrom('prefer-sched', 'prefer-external', 'newest', 'manual'),
    privacy: fc.constantFrom('full', 'busy-only'),
  })
  .map((picked) => settings(picked));

function item(id: string, fields: ItemFields, extra: Partial<SyncItem> = {}): SyncItem {
  return {
    ...fields,
    id,
    version: `${id}-v1`,
    updated: '2025-03-01T00:00:00.000Z',
    status: 'confirmed',
    ...extra,
  };
}

/** Links in step with their items, as a quiet run leaves them. */
function consistentPairs(all: ItemFields[], privacy: PlanSettings['privacy']) {
  return all.map((fields, index) => {
    const booking = item(`b${index}`, fields);
    const event = item(`e${index}`, applyPrivacy(fields, privacy), {
      tags: { bookingId: booking.id, connectionId: connection.id },
    });
    const link: Link = { sched: linkSideOf(booking), external: linkSideOf(event), origin: 'sched' };
    return { booking, event, link };
  });
}

describe('plan properties', () => {
  it('plans nothing for consistent state when nothing changed, on full or incremental reads', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { maxLength: 12 }), settingsArb, fc.boolean(), (all, chosen, full) => {
        const pairs = consistentPairs(all, chosen.privacy);

        const result = plan(
          planInput({
            settings: chosen,
            state: { links: pairs.map((pair) => pair.link) },
            sched: full ? { items: pairs.map((pair) => pair.booking), full } : { items: [] },
            external: full ? { items: pairs.map((pair) => pair.event), full } : { items: [] },
          }),
        );

        expect(result.actions).toEqual([]);
      }),
    );
  });

  it('never creates a copy of an item that already has a link, and never twice with one key', () => {
    fc.assert(
      fc.property(
        fc.array(fieldsArb, { maxLength: 8 }),
        fc.array(fieldsArb, { maxLength: 6 }),
        fc.array(fc.nat({ max: 7 }), { maxLength: 8 }),
        settingsArb,
        (linked, fresh, touched, chosen) => {
          const pairs = consistentPairs(linked, chosen.privacy);
          const edits = touched.flatMap((index) => {
            const pair = pairs[index];
            return pair ? [{ ...pair.booking, title: `${pair.booking.title}!`, version: 'v2' }] : [];
          });
          const newEvents = fresh.map((fields, index) => item(`new-e${index}`, fields));
          const linkedIds = new Set(pairs.flatMap((pair) => [pair.booking.id, pair.event.id]));

          const result = plan(
            planInput({
              settings: chosen,
              state: { links: pairs.map((pair) => pair.link) },
              sched: { items: [...pairs.map((pair) => pair.booking), ...edits], full: true },
              external: { items: [...pairs.map((pair) => pair.event), ...newEvents], full: true },
            }),
          );

          const creates = result.actions.filter((action) => action.type === 'create');
          for (const create of creates) {
            if (!create.replaces) expect(linkedIds.has(create.counterpart.id)).toBe(false);
          }
          expect(new Set(creates.map((create) => create.idempotencyKey)).size).toBe(creates.length);
        },
      ),
    );
  });
});

/** A minimal apply loop over two in-memory providers, standing in for the engine. */
class Harness {
  readonly sched: MemoryProvider;
  readonly external: MemoryProvider;
  links: Link[] = [];
  cursors: Record<Side, string | null> = { sched: null, external: null };
  /** Bookings of open edit conflicts, as the engine's conflict store lists them: a person must answer those. */
  conflicted = new Set<string>();

  constructor(readonly chosen: PlanSettings) {
    let tick = 0;
    const clock = () => new Date(Date.parse(now) + 1000 * tick++).toISOString();
    this.sched = new MemoryProvider({ side: 'sched', clock, zone, rejectOverlaps: false });
    this.external = new MemoryProvider({ side: 'external', clock, zone });
  }

  async run(): Promise<Action[]> {
    const state = { links: this.links, conflictedBookingIds: [...this.conflicted] };
    const input = planInput({ settings: this.chosen, state, reviewApproved: true });
    const sched = await this.sched.listChanges({ cursor: this.cursors.sched, window: syncWindowOf() });
    const external = await this.external.listChanges({
      cursor: this.cursors.external,
      window: syncWindowOf(),
    });
    const result = plan({ ...input, sched, external });
    for (const action of result.actions) await this.apply(action);
    this.cursors = { sched: sched.nextCursor, external: external.nextCursor };
    return result.actions;
  }

  loseState(): void {
    this.links = [];
    this.conflicted.clear();
    this.cursors = { sched: null, external: null };
  }

  private provider(side: Side): MemoryProvider {
    return side === 'sched' ? this.sched : this.external;
  }

  private drop(bookingId: string, eventId: string): void {
    this.links = this.links.filter((link) => link.sched.id !== bookingId && link.external.id !== eventId);
  }

  private put(link: Link): void {
    this.drop(link.sched.id, link.external.id);
    this.links.push(link);
  }

  private async apply(action: Action): Promise<void> {
    if (action.type === 'create') {
      const { fields, idempotencyKey, tags, source, allowOverlap } = action;
      const written = await this.provider(action.side).create({
        fields,
        idempotencyKey,
        ...(tags ? { tags } : {}),
        ...(source ? { source } : {}),
        ...(allowOverlap ? { allowOverlap } : {}),
      });
      if (action.replaces) this.drop(action.replaces.bookingId, action.replaces.eventId);
      this.put(linkAfterWrite(action, written));
    } else if (action.type === 'update') {
      const written = await this.provider(action.side).update(action.id, action.fields, {
        ifMatch: action.ifMatch,
      });
      this.put(linkAfterWrite(action, written));
    } else if (action.type === 'delete') {
      await this.provider(action.side).delete(action.id, action.ifMatch ? { ifMatch: action.ifMatch } : {});
      this.drop(action.link.bookingId, action.link.eventId);
    } else if (action.type === 'link') {
      this.put(action.link);
    } else if (action.type === 'unlink') {
      this.drop(action.link.bookingId, action.link.eventId);
    } else if (action.type === 'conflict') {
      this.conflicted.add(action.link.bookingId);
    }
  }
}

function syncWindowOf() {
  return plan(planInput()).window;
}

type PersonOp =
  | { op: 'add'; side: Side; fields: ItemFields }
  | { op: 'edit'; side: Side; pick: number; fields: ItemFields }
  | { op: 'remove'; side: Side; pick: number }
  | { op: 'sync' };

const opArb: fc.Arbitrary<PersonOp> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    side: fc.constantFrom<Side>('sched', 'external'),
    fields: fieldsArb,
  }),
  fc.record({
    op: fc.constant('edit' as const),
    side: fc.constantFrom<Side>('sched', 'external'),
    pick: fc.nat(),
    fields: fieldsArb,
  }),
  fc.record({
    op: fc.constant('remove' as const),
    side: fc.constantFrom<Side>('sched', 'external'),
    pick: fc.nat(),
  }),
  fc.constant({ op: 'sync' as const }),
);

function personDoes(harness: Harness, step: PersonOp): void {
  if (step.op === 'sync') return;
  const provider = step.side === 'sched' ? harness.sched : harness.external;
  if (step.op === 'add') {
    provider.add(step.fields);
    return;
  }
  const live = provider.live();
  const target = live[step.pick % Math.max(live.length, 1)];
  if (!target) return;
  if (step.op === 'edit') provider.edit(target.id, step.fields);
  else provider.remove(target.id);
}

describe('plan applied over in-memory providers', () => {
  it('converges: after a run both sides match, nothing is duplicated and a second run does nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 25 }),
        fc.constantFrom('prefer-sched', 'prefer-external', 'newest'),
        fc.constantFrom('full', 'busy-only'),
        async (steps, strategy, privacy) => {
          const harness = new Harness(settings({ conflict_resolution: strategy, privacy }));
          for (const step of steps) {
            if (step.op === 'sync') await harness.run();
            else personDoes(harness, step);
          }
          await harness.run();

          const second = await harness.run();

          expect(second).toEqual([]);
          const bookings = harness.sched.live();
          const events = harness.external.live();
          expect(harness.links).toHaveLength(bookings.length);
          expect(events).toHaveLength(bookings.length);
          for (const link of harness.links) {
            const booking = bookings.find((candidate) => candidate.id === link.sched.id);
            const event = events.find((candidate) => candidate.id === link.external.id);
            expect(booking && event).toBeTruthy();
            if (privacy === 'full')
              expect(contentHash(event as SyncItem)).toBe(contentHash(booking as SyncItem));
          }
          const tagged = events.flatMap((event) => (event.tags ? [event.tags.bookingId] : []));
          expect(new Set(tagged).size).toBe(tagged.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('in every direction and strategy, a quiet run after any interleaving writes nothing and nothing is doubled', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), settingsArb, async (steps, chosen) => {
        const harness = new Harness(chosen);
        for (const step of steps) {
          if (step.op === 'sync') await harness.run();
          else personDoes(harness, step);
        }
        await harness.run();

        const quiet = await harness.run();

        expect(quiet).toEqual([]);
        const tagged = harness.external.live().flatMap((event) => (event.tags ? [event.tags.bookingId] : []));
        const sourced = harness.sched
          .live()
          .flatMap((booking) => (booking.source ? [booking.source.eventId] : []));
        expect(new Set(tagged).size).toBe(tagged.length);
        expect(new Set(sourced).size).toBe(sourced.length);
      }),
      { numRuns: 150 },
    );
  });

  it('a resync after the state is lost relinks everything and creates and deletes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 20 }),
        fc.constantFrom('full', 'busy-only'),
        async (steps, privacy) => {
          const harness = new Harness(settings({ conflict_resolution: 'prefer-sched', privacy }));
          for (const step of steps) {
            if (step.op === 'sync') await harness.run();
            else personDoes(harness, step);
          }
          await harness.run();
          const linked = harness.links.map(keyOf);
          harness.loseState();

          const resync = await harness.run();

          // Updates may happen (details a busy-only run never copies get their "Busy" back); copies and deletions not.
          expect(resync.filter((action) => action.type === 'create' || action.type === 'delete')).toEqual([]);
          expect(harness.links.map(keyOf).sort(byBooking)).toEqual(linked.sort(byBooking));
          expect(await harness.run()).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function byBooking(a: { bookingId: string }, b: { bookingId: string }): number {
  return a.bookingId.localeCompare(b.bookingId);
}
