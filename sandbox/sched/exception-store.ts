/**
 * Availability exceptions and their change sequence, beside bookings in the same `SchedState`: every change
 * bumps the exception's `version` and stamps it with the next sequence number its `sync_token` feed reads;
 * cancelled exceptions stay so the feed can report them.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../core/types';
import { settleTimes } from './booking-input';
import { ApiFailure, notFound } from './errors';
import type { ExceptionFields } from './exception-input';
import type { AvailabilityException, Resource, SchedState } from './model';
import { toUtcString } from './time';
import { fingerprint, keyReused, versionMoved } from './write-kit';

/** Reads and changes availability exceptions in a `SchedState` the caller owns. */
export class ExceptionStore {
  constructor(
    private readonly state: () => SchedState,
    private readonly ctx: Pick<SandboxContext, 'now' | 'changed'>,
  ) {}

  /** A resource by id; 404 when Sched has none (the id is part of the path). */
  resource(id: string): Resource {
    const resource = this.state().resources.find((candidate) => candidate.id === id);
    if (!resource) throw new ApiFailure(notFound('resource', id));
    return resource;
  }

  /** One exception of the resource, cancelled ones included; 404 for another resource's exception. */
  get(resourceId: string, id: string): AvailabilityException {
    this.resource(resourceId);
    const exception = this.state().exceptions[id];
    if (!exception || exception.resource_id !== resourceId) {
      throw new ApiFailure(notFound('availability exception', id));
    }
    return exception;
  }

  /** Creates an exception; a repeated Idempotency-Key returns the one it created the first time. */
  create(
    resourceId: string,
    input: Partial<ExceptionFields>,
    body: unknown,
    idempotencyKey: string | undefined,
  ): { exception: AvailabilityException; replayed: boolean } {
    const state = this.state();
    const resource = this.resource(resourceId);
    // The same body sent for another resource is another request.
    const print = fingerprint({ resource_id: resourceId, body });
    if (idempotencyKey !== undefined) {
      const earlier = state.exception_idempotency[idempotencyKey];
      if (earlier) {
        if (earlier.fingerprint !== print) throw keyReused();
        return { exception: this.get(resourceId, earlier.exception_id), replayed: true };
      }
    }
    const fields = settleTimes(
      {
        start: input.start as string,
        end: input.end as string,
        all_day: input.all_day ?? false,
        timezone: input.timezone ?? resource.timezone,
        reason: input.reason ?? '',
        source: input.source ?? null,
        status: input.status ?? 'active',
      },
      resource,
    );
    const now = toUtcString(this.ctx.now());
    const exception: AvailabilityException = {
      id: `exc_${randomBytes(8).toString('hex')}`,
      resource_id: resource.id,
      ...fields,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    state.exceptions[exception.id] = exception;
    if (idempotencyKey !== undefined) {
      state.exception_idempotency[idempotencyKey] = { exception_id: exception.id, fingerprint: print };
    }
    this.touch(exception.id);
    return { exception, replayed: false };
  }

  /** Changes the given fields; `expectedVersion` (If-Match) must still be current. A no-op keeps the version. */
  update(
    resourceId: string,
    id: string,
    input: Partial<ExceptionFields>,
    expectedVersion: number | undefined,
  ): AvailabilityException {
    const current = this.get(resourceId, id);
    this.checkVersion(current, expectedVersion);
    const { start, end, all_day, timezone, reason, source, status } = current;
    const fields = settleTimes(
      { start, end, all_day, timezone, reason, source, status, ...input },
      this.resource(resourceId),
    );
    const unchanged = (Object.keys(fields) as (keyof ExceptionFields)[]).every(
      (key) => JSON.stringify(fields[key]) === JSON.stringify(current[key]),
    );
    if (unchanged) return current;
    return this.replace(current, fields);
  }

  /** Cancels an exception (DELETE keeps it, as `cancelled`, so change feeds can report it). */
  cancel(resourceId: string, id: string, expectedVersion: number | undefined): AvailabilityException {
    const current = this.get(resourceId, id);
    this.checkVersion(current, expectedVersion);
    if (current.status === 'cancelled') return current;
    return this.replace(current, { ...current, status: 'cancelled' });
  }

  /** The live exceptions of a resource, the ones that make Sched refuse a booking. */
  live(resourceId: string): AvailabilityException[] {
    return Object.values(this.state().exceptions).filter(
      (exception) => exception.resource_id === resourceId && exception.status === 'active',
    );
  }

  private replace(current: AvailabilityException, fields: ExceptionFields): AvailabilityException {
    const next: AvailabilityException = {
      ...current,
      ...fields,
      version: current.version + 1,
      updated_at: toUtcString(this.ctx.now()),
    };
    this.state().exceptions[current.id] = next;
    this.touch(current.id);
    return next;
  }

  private touch(id: string): void {
    const state = this.state();
    state.exception_changed_at_seq[id] = state.next_seq;
    state.next_seq += 1;
    this.ctx.changed();
  }

  private checkVersion(current: AvailabilityException, expected: number | undefined): void {
    if (expected !== undefined && expected !== current.version) {
      throw versionMoved('Availability exception', current.id, current.version, expected);
    }
  }
}
