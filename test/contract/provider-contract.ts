/**
 * The one contract every `CalendarProvider` passes (STYLE.md: vdirsyncer's shared storage suite): the in-memory
 * fake and each adapter against the sandbox. An adapter's run calls `describeProviderContract` with a factory.
 *
 * The calendar may hold other items; the suite only looks at its own. On the Sched side the resource must have no
 * confirmed booking in the window's first weeks, since the suite's own items never overlap one another but Sched
 * refuses a slot already taken.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ItemFields, ItemTime, SyncItem, SyncWindow } from '../../main/sync';
import type { CalendarProvider, CreateRequest, ListResult } from '../../main/providers/port';
import { CursorExpiredError, PreconditionFailedError } from '../../main/providers/port';

/** What one test of the suite runs against. */
export interface ContractSubject {
  provider: CalendarProvider;
  /** A sync window at least 30 days long that the suite's items are placed in. */
  window: SyncWindow;
  /** Makes every cursor handed out so far stale, as the service does after a while (its 410). */
  expireCursors(): Promise<void>;
  /** False for a side with no location field (Sched): its items always read back with an empty location. */
  storesLocation?: boolean;
  /** False for a side with no description (Sched availability exceptions): it always reads back empty. */
  storesDescription?: boolean;
  /**
   * External sides: makes events a person would make in the calendar (free, declined, busy, …) inside `window`,
   * so the suite can check that each reads back with the availability SYNC.md gives it.
   */
  availabilityCases?: (window: SyncWindow) => Promise<AvailabilityCase[]>;
}

/** An event made outside the agent, and how busy it must read (shared/SYNC.md, "Availability"). */
export interface AvailabilityCase {
  /** What kind of event it is, for the test's message ("transparent", "declined by the owner"). */
  what: string;
  id: string;
  expected: 'busy' | 'free';
}

/** Which optional parts of the contract a provider is held to. */
export interface ContractOptions {
  /** A calendar side: its subject gives `availabilityCases`, checked through get and both kinds of list. */
  readsAvailability?: boolean;
  /** A calendar side that lists the agent's events by their connection tag, at any date (`listTagged`). */
  listsTagged?: boolean;
}

/** Registers the contract tests for one provider; `subject` is called before each test. */
export function describeProviderContract(
  name: string,
  subject: () => Promise<ContractSubject>,
  options: ContractOptions = {},
): void {
  describe(`CalendarProvider contract: ${name}`, () => {
    let s: ContractSubject;
    let p: CalendarProvider;
    // Keys and slots unique per run and per test, so a re-run on a kept calendar or service never collides.
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    let slot = 0;

    beforeEach(async () => {
      s = await subject();
      p = s.provider;
    });

    /** A timed slot of one hour, two hours after the previous one, from the second day of the window. */
    function nextSlot(zone = 'UTC'): { start: ItemTime; end: ItemTime } {
      slot += 1;
      const startMs = Date.parse(s.window.start) + 86_400_000 + slot * 2 * 3_600_000;
      return {
        start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone },
        end: { kind: 'instant', utc: new Date(startMs + 3_600_000).toISOString(), zone },
      };
    }

    function fields(title: string, times = nextSlot()): ItemFields {
      return { title: `${title} ${run}`, description: `About ${title}`, location: 'Room 4', ...times };
    }

    /** The agent's marks for this side: tags on an event, `source` on a booking. */
    function marks(id: string): Pick<CreateRequest, 'tags' | 'source'> {
      return p.side === 'external'
        ? { tags: { bookingId: `booking-${id}`, connectionId: `connection-${run}` } }
        : {
            source: { calendarService: 'google', calendarId: 'contract@example.com', eventId: `event-${id}` },
          };
    }

    function create(title: string, times?: { start: ItemTime; end: ItemTime }): Promise<SyncItem> {
      const key = `${run}:${title}`;
      return p.create({ fields: fields(title, times), idempotencyKey: key, ...marks(title) });
    }

    async function fullCursor(): Promise<string> {
      return (await p.listChanges({ cursor: null, window: s.window })).nextCursor;
    }

    function gone(result: ListResult, id: string): boolean {
      return (
        result.deleted.includes(id) ||
        result.items.some((item) => item.id === id && item.status === 'cancelled')
      );
    }

    /**
     * The fields an item written with `fields` reads back with. A side that holds them otherwise says so with
     * `keeps` (an availability exception made from an event reads "Unavailable: <its title>"), and the engine takes
     * that as the written item's baseline: so the suite holds each read to it, and a `keeps` that lies fails here.
     */
    function kept(written: ItemFields): ItemFields {
      return p.keeps ? p.keeps(written) : written;
    }

    /** The fields with a text the side keeps changed: the description, or the title where there is none. */
    function withText(base: ItemFields, text: string): ItemFields {
      return s.storesDescription === false ? { ...base, title: text } : { ...base, description: text };
    }

    function textOf(item: ItemFields | null | undefined): string | undefined {
      return s.storesDescription === false ? item?.title : item?.description;
    }

    const epoch = (time: ItemTime) => (time.kind === 'instant' ? Date.parse(time.utc) : time.date);

    it('creates an item with the fields it was given', async () => {
      const wanted = fields('Created');

      const created = await p.create({ fields: wanted, idempotencyKey: `${run}:created`, ...marks('c') });

      expect(created).toMatchObject({
        title: kept(wanted).title,
        description: s.storesDescription === false ? '' : kept(wanted).description,
        location: s.storesLocation === false ? '' : wanted.location,
      });
      expect(created.status).not.toBe('cancelled');
      expect(epoch(created.start)).toBe(epoch(wanted.start));
      expect(await p.get(created.id)).toMatchObject({ id: created.id, title: kept(wanted).title });
    });

    it('reads an item made with a blank title back as `keeps` says it holds it', async () => {
      // Calendars let a person leave an event untitled; the engine then writes a blank title to the other side, and a
      // read that differs from `keeps` would look like a person's edit of the item it just made.
      const untitled = { ...fields('Untitled'), title: '' };

      const created = await p.create({ fields: untitled, idempotencyKey: `${run}:untitled`, ...marks('u') });

      expect(created.title).toBe(kept(untitled).title);
      expect((await p.get(created.id))?.title).toBe(kept(untitled).title);
    });

    it('makes one item from two creates with the same key', async () => {
      const request = { fields: fields('Twice'), idempotencyKey: `${run}:twice`, ...marks('twice') };

      const first = await p.create(request);
      const second = await p.create(request);

      expect(second.id).toBe(first.id);
      const listed = await p.listChanges({ cursor: null, window: s.window });
      expect(listed.items.filter((item) => item.title === kept(request.fields).title)).toHaveLength(1);
    });

    it('answers null for an item that never existed', async () => {
      const created = await create('Probe');

      expect(await p.get(`${created.id}0missing`)).toBeNull();
    });

    it('lists a full read, then creates, updates and deletions incrementally', async () => {
      const before = await create('Before');
      const full = await p.listChanges({ cursor: null, window: s.window });
      expect(full.full).toBe(true);
      expect(full.items.map((item) => item.id)).toContain(before.id);

      const stays = await create('Kept');
      const dropped = await create('Dropped');
      const afterCreates = await p.listChanges({ cursor: full.nextCursor, window: s.window });
      expect(afterCreates.full).toBe(false);
      expect(afterCreates.items.map((item) => item.id)).toEqual(
        expect.arrayContaining([stays.id, dropped.id]),
      );

      const renamed = { ...fields('Kept'), title: `Kept, renamed ${run}` };
      await p.update(stays.id, renamed, { ifMatch: stays.version });
      await p.delete(dropped.id);
      const afterEdits = await p.listChanges({ cursor: afterCreates.nextCursor, window: s.window });
      expect(afterEdits.items.find((item) => item.id === stays.id)?.title).toBe(kept(renamed).title);
      expect(gone(afterEdits, dropped.id)).toBe(true);
      expect(afterEdits.items.map((item) => item.id)).not.toContain(before.id);
    });

    it('reports nothing from an incremental list when nothing changed', async () => {
      await create('Quiet');
      const cursor = await fullCursor();

      const idle = await p.listChanges({ cursor, window: s.window });

      expect(idle.items).toEqual([]);
      expect(idle.deleted).toEqual([]);
    });

    it('leaves deleted items out of a full read', async () => {
      const doomed = await create('Doomed');
      await p.delete(doomed.id);

      const full = await p.listChanges({ cursor: null, window: s.window });

      expect(full.items.map((item) => item.id)).not.toContain(doomed.id);
    });

    it('updates when the version matches and gives a new version', async () => {
      const item = await create('Versioned');
      const changed = withText(fields('Versioned'), `Changed by the agent ${run}`);

      const updated = await p.update(item.id, changed, { ifMatch: item.version });

      expect(updated.version).not.toBe(item.version);
      expect(textOf(await p.get(item.id))).toBe(textOf(kept(changed)));
    });

    it('refuses an update against a stale version', async () => {
      const item = await create('Stale');
      const first = withText(fields('Stale'), `Edit 5 ${run}`);
      await p.update(item.id, first, { ifMatch: item.version });

      const late = p.update(item.id, withText(fields('Stale'), `Edit 6 ${run}`), { ifMatch: item.version });

      await expect(late).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(textOf(await p.get(item.id))).toBe(textOf(kept(first)));
    });

    it('deletes idempotently', async () => {
      const item = await create('Deleted twice');

      await p.delete(item.id);
      await p.delete(item.id);

      const after = await p.get(item.id);
      expect(after === null || after.status === 'cancelled').toBe(true);
    });

    it('refuses an expired cursor with CursorExpiredError', async () => {
      await create('Cursor');
      const cursor = await fullCursor();
      await s.expireCursors();

      const stale = p.listChanges({ cursor, window: s.window });

      await expect(stale).rejects.toBeInstanceOf(CursorExpiredError);
    });

    it('keeps the agent marks (tags or source) through get and list', async () => {
      const item = await create('Marked');
      const wanted = marks('Marked');

      const read = await p.get(item.id);
      const listed = (await p.listChanges({ cursor: null, window: s.window })).items.find(
        (i) => i.id === item.id,
      );

      for (const seen of [item, read, listed]) {
        if (wanted.tags) expect(seen?.tags).toEqual(wanted.tags);
        if (wanted.source) expect(seen?.source).toEqual(wanted.source);
      }
    });

    if (options.listsTagged) {
      it('lists the live events tagged for a connection at any date, and no others', async () => {
        // A connection of this test's own: the suite's other events carry `marks`' connection tag.
        const connectionId = `tagged-${run}`;
        const tagged = (
          title: string,
          times?: { start: ItemTime; end: ItemTime },
          connection = connectionId,
        ) =>
          p.create({
            fields: fields(title, times),
            idempotencyKey: `${run}:${title}`,
            tags: { bookingId: `booking-${title}`, connectionId: connection },
          });
        const near = await tagged('Tagged near');
        const farStart = Date.parse(s.window.end) + 400 * 86_400_000;
        const far = await tagged('Tagged far', {
          start: { kind: 'instant', utc: new Date(farStart).toISOString(), zone: 'UTC' },
          end: { kind: 'instant', utc: new Date(farStart + 3_600_000).toISOString(), zone: 'UTC' },
        });
        const gone = await tagged('Tagged gone');
        await p.delete(gone.id);
        const other = await tagged('Other connection', undefined, `another-${run}`);

        const listed = await p.listTagged!(connectionId);

        expect(listed.map((item) => item.id).sort()).toEqual([near.id, far.id].sort());
        expect(listed.find((item) => item.id === far.id)?.tags).toEqual({
          bookingId: 'booking-Tagged far',
          connectionId,
        });
        expect(listed.some((item) => item.id === other.id)).toBe(false);
      });
    }

    it('keeps all-day items as dates', async () => {
      const day = new Date(Date.parse(s.window.start) + 20 * 86_400_000).toISOString().slice(0, 10);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
      const times = { start: { kind: 'date', date: day }, end: { kind: 'date', date: next } } as const;

      const item = await create('All day', times);
      const read = await p.get(item.id);
      const listed = (await p.listChanges({ cursor: null, window: s.window })).items.find(
        (i) => i.id === item.id,
      );

      for (const seen of [item, read, listed]) {
        expect(seen?.start).toEqual(times.start);
        expect(seen?.end).toEqual(times.end);
      }
    });

    it('keeps the instant and zone of timed items', async () => {
      const berlin = nextSlot('Europe/Berlin');
      const item = await create('Zoned', berlin);

      const read = await p.get(item.id);

      for (const seen of [item, read]) {
        expect(seen?.start).toMatchObject({ kind: 'instant', zone: 'Europe/Berlin' });
        expect(epoch(seen!.start)).toBe(epoch(berlin.start));
        expect(epoch(seen!.end)).toBe(epoch(berlin.end));
      }
    });

    it('can change an item from timed to all-day', async () => {
      const item = await create('Becomes all day');
      const day = new Date(Date.parse(s.window.start) + 25 * 86_400_000).toISOString().slice(0, 10);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const allDay: ItemFields = {
        ...fields('Becomes all day'),
        start: { kind: 'date', date: day },
        end: { kind: 'date', date: next },
      };

      const updated = await p.update(item.id, allDay, { ifMatch: item.version });

      expect(updated.start).toEqual({ kind: 'date', date: day });
      expect((await p.get(item.id))?.end).toEqual({ kind: 'date', date: next });
    });

    // Only calendars hold events people make; Sched's items are bookings and exceptions the agent reads as made.
    if (!options.readsAvailability) return;

    it('rewrites the tags of an event when an update names new ones, and keeps its fields', async () => {
      const item = await create('Retagged');
      const tags = { bookingId: `booking-again-${run}`, connectionId: `connection-${run}` };

      await p.update(item.id, fields('Retagged', { start: item.start, end: item.end }), {
        ifMatch: item.version,
        tags,
      });

      const read = await p.get(item.id);
      const listed = (await p.listChanges({ cursor: null, window: s.window })).items.find(
        (i) => i.id === item.id,
      );
      for (const seen of [read, listed]) expect(seen?.tags).toEqual(tags);
      expect(read?.title).toBe(item.title);
    });

    it('reads free events as free and busy ones as busy, in get, full and incremental lists', async () => {
      const cursor = await fullCursor();
      const cases = await s.availabilityCases!(s.window);
      expect(cases.map((c) => c.expected)).toEqual(expect.arrayContaining(['busy', 'free']));

      const full = await p.listChanges({ cursor: null, window: s.window });
      const changes = await p.listChanges({ cursor, window: s.window });

      for (const c of cases) {
        const seen = [
          await p.get(c.id),
          full.items.find((item) => item.id === c.id),
          changes.items.find((item) => item.id === c.id),
        ].map((item) => item?.availability);
        expect({ what: c.what, seen }).toEqual({ what: c.what, seen: [c.expected, c.expected, c.expected] });
      }
    });
  });
}
