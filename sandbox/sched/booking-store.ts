/**
 * Bookings and their change sequence. Every change bumps the booking's `version` and stamps it with the next
 * sequence number, which is what `sync_token` feeds read; cancelled bookings stay so the feed can report them.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../core/types';
import { settleTimes, type BookingFields, type BookingInput } from './booking-input';
import { ApiFailure, FieldError, notFound } from './errors';
import type { Booking, Resource, SchedState } from './model';
import { toUtcString } from './time';
import { fingerprint, keyReused, overlaps, versionMoved } from './write-kit';

/** Reads and changes bookings in a `SchedState` the caller owns. */
export class BookingStore {
  constructor(
    private readonly state: () => SchedState,
    private readonly ctx: Pick<SandboxContext, 'now' | 'changed'>,
  ) {}

  /** One booking, cancelled ones included. */
  get(id: string): Booking {
    const booking = this.state().bookings[id];
    if (!booking) throw new ApiFailure(notFound('booking', id));
    return booking;
  }

  /** Creates a booking; a repeated Idempotency-Key returns the booking it created the first time. */
  create(
    input: BookingInput,
    body: unknown,
    idempotencyKey: string | undefined,
  ): { booking: Booking; replayed: boolean } {
    const state = this.state();
    const print = fingerprint(body);
    if (idempotencyKey !== undefined) {
      const earlier = state.idempotency[idempotencyKey];
      if (earlier) {
        if (earlier.fingerprint !== print) throw keyReused();
        return { booking: this.get(earlier.booking_id), replayed: true };
      }
    }
    const draft = input.fields as Partial<BookingFields>;
    const resource = this.resource(draft.resource_id as string);
    const fields = settleTimes(
      {
        resource_id: resource.id,
        title: draft.title as string,
        description: draft.description ?? '',
        start: draft.start as string,
        end: draft.end as string,
        all_day: draft.all_day ?? false,
        timezone: draft.timezone ?? resource.timezone,
        status: draft.status ?? 'confirmed',
        client: draft.client ?? null,
        source: draft.source ?? null,
      },
      resource,
    );
    if (!input.allowOverlap) this.refuseOverlap(fields, undefined);
    const now = toUtcString(this.ctx.now());
    const booking: Booking = {
      id: `bkg_${randomBytes(8).toString('hex')}`,
      ...fields,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    state.bookings[booking.id] = booking;
    if (idempotencyKey !== undefined)
      state.idempotency[idempotencyKey] = { booking_id: booking.id, fingerprint: print };
    this.touch(booking.id);
    return { booking, replayed: false };
  }

  /** Changes the given fields; `expectedVersion` (If-Match) must still be current. A no-op keeps the version. */
  update(id: string, input: BookingInput, expectedVersion: number | undefined): Booking {
    const current = this.get(id);
    this.checkVersion(current, expectedVersion);
    const resource = this.moveTarget(input.fields.resource_id ?? current.resource_id);
    const merged: BookingFields = {
      resource_id: current.resource_id,
      title: current.title,
      description: current.description,
      start: current.start,
      end: current.end,
      all_day: current.all_day,
      timezone: current.timezone,
      status: current.status,
      client: current.client,
      source: current.source,
      ...input.fields,
    };
    const fields = settleTimes(merged, resource);
    const unchanged = (Object.keys(fields) as (keyof BookingFields)[]).every(
      (key) => JSON.stringify(fields[key]) === JSON.stringify(current[key]),
    );
    if (unchanged) return current;
    if (!input.allowOverlap) this.refuseOverlap(fields, id);
    return this.replace(current, fields);
  }

  /** Cancels a booking (DELETE keeps it, as `cancelled`, so change feeds can report it). */
  cancel(id: string, expectedVersion: number | undefined): Booking {
    const current = this.get(id);
    this.checkVersion(current, expectedVersion);
    if (current.status === 'cancelled') return current;
    return this.replace(current, { ...current, status: 'cancelled' });
  }

  private replace(current: Booking, fields: BookingFields): Booking {
    const next: Booking = {
      ...current,
      ...fields,
      version: current.version + 1,
      updated_at: toUtcString(this.ctx.now()),
    };
    const state = this.state();
    state.bookings[current.id] = next;
    if (next.resource_id !== current.resource_id) {
      // The old resource's feed must see the booking leave: remember when, for that resource.
      state.departed[current.id] = { ...state.departed[current.id], [current.resource_id]: state.next_seq };
    }
    this.touch(current.id);
    return next;
  }

  private touch(id: string): void {
    const state = this.state();
    state.changed_at_seq[id] = state.next_seq;
    state.next_seq += 1;
    this.ctx.changed();
  }

  private resource(id: string): Resource {
    const resource = this.state().resources.find((candidate) => candidate.id === id);
    if (!resource) throw new FieldError('resource_id', `no resource with id ${id}.`);
    return resource;
  }

  /** The resource a PUT names: a resource Sched does not have is a 404 (it names a thing, not a bad value). */
  private moveTarget(id: string): Resource {
    const resource = this.state().resources.find((candidate) => candidate.id === id);
    if (!resource) {
      throw new ApiFailure({
        status: 404,
        body: {
          error: {
            code: 'not_found',
            message: `resource_id: no resource with id ${id}; the booking is unchanged.`,
            field: 'resource_id',
          },
        },
      });
    }
    return resource;
  }

  private checkVersion(current: Booking, expected: number | undefined): void {
    if (expected !== undefined && expected !== current.version) {
      throw versionMoved('Booking', current.id, current.version, expected);
    }
  }

  /**
   * Sched refuses to double-book: 409 `slot_unavailable` when a confirmed booking of the resource overlaps, or a
   * live availability exception (a holiday, maintenance, time a connected calendar blocks) covers the slot.
   */
  private refuseOverlap(fields: BookingFields, selfId: string | undefined): void {
    if (fields.status === 'cancelled' || fields.status === 'completed') return;
    const state = this.state();
    const clash = Object.values(state.bookings).find(
      (other) =>
        other.id !== selfId &&
        other.resource_id === fields.resource_id &&
        other.status === 'confirmed' &&
        overlaps(other, fields),
    );
    if (clash) {
      throw slotUnavailable(
        `The slot overlaps booking ${clash.id} (${clash.start}–${clash.end}); send allow_overlap to book it anyway.`,
        { conflicting_booking_id: clash.id },
      );
    }
    const blocked = Object.values(state.exceptions).find(
      (exception) =>
        exception.resource_id === fields.resource_id &&
        exception.status === 'active' &&
        overlaps(exception, fields),
    );
    if (blocked) {
      const why = blocked.reason ? ` (${blocked.reason})` : '';
      throw slotUnavailable(
        `The resource is unavailable ${blocked.start}–${blocked.end}${why}; send allow_overlap to book it anyway.`,
        { conflicting_exception_id: blocked.id },
      );
    }
  }
}

function slotUnavailable(message: string, detail: Record<string, string>): ApiFailure {
  return new ApiFailure({
    status: 409,
    body: { error: { code: 'slot_unavailable', message, ...detail } },
  });
}
