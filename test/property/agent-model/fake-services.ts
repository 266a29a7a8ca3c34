/**
 * The outside world of the agent model: Sched (its directory and one in-memory provider per resource), Google- and
 * Graph-like calendars in memory, sign-ins that can be revoked, a crash point that "kills the process" at a chosen
 * write, and a fake cron. Everything is a small fake; the agent, engine, scheduler and state DB are the real ones.
 */
import type { ExternalCalendar, SchedResource, SyncStatus } from '../../../preload/contract';
import type { SchedDirectory, ServiceClients } from '../../../main/agent/ports';
import { AgentError } from '../../../main/agent/agent-error';
import type { CronLike } from '../../../main/scheduler/scheduler';
import type { MemoryProvider } from '../../fakes/memory-provider';
import type { CalendarHolder } from '../../../main/providers/sched-directory';
import { CalendarHeldElsewhereError, type DeviceRef } from '../../../main/providers/calendar-held-elsewhere';
import type {
  CalendarProvider,
  CalendarRef,
  CreateRequest,
  ListRequest,
  UpdateOptions,
} from '../../../main/providers/port';
import { AuthError, PreconditionFailedError, SlotUnavailableError } from '../../../main/providers/port';
import { SchedResourceProvider } from '../../../main/providers/sched';
import type { ItemFields, Side, SyncItem } from '../../../main/sync';
import { contentHash, fieldsOf, madeFrom } from '../../../main/sync';
import type { SchedKeySpace } from './sched-keys';

/** The process dying at a write: thrown by the crash point, never by the agent's own code. */
export class SimulatedCrash extends Error {
  constructor() {
    super('simulated crash');
    this.name = 'SimulatedCrash';
  }
}

/** Where the next run dies: after `after` writes went through, before or after the next one reaches the server. */
export interface CrashPlan {
  after: number;
  when: 'before' | 'after';
}

/** What the fakes share: the crash plan, the revoked sign-ins and the world's providers. */
export interface FakeWorld {
  crash: CrashPlan | null;
  crashed: boolean;
  readonly revoked: Set<string>;
  resourceProvider(resourceId: string): MemoryProvider;
  exceptionProvider(resourceId: string): MemoryProvider;
  calendarProvider(calendarId: string): MemoryProvider;
  calendarsOf(accountId: string): ExternalCalendar[];
  readonly resources: SchedResource[];
  /** Sched's key spaces, one per account and kind (sched-keys.ts). */
  readonly schedKeys: { booking: SchedKeySpace; exception: SchedKeySpace };
  now(): Date;
}

/** Which of Sched's resources and kinds a provider serves. */
interface SchedFeed {
  resourceId: string;
  kind: 'booking' | 'exception';
}

/** A provider seen through the world: sign-in checks and the crash point. */
class WorldProvider implements CalendarProvider {
  readonly side: Side;
  constructor(
    private readonly world: FakeWorld,
    private readonly inner: MemoryProvider,
    private readonly accountId: string | null,
    private readonly feed?: SchedFeed,
  ) {
    this.side = inner.side;
  }
  get capabilities() {
    return this.inner.capabilities;
  }
  requestCount(): number {
    return this.inner.requestCount();
  }
  listChanges(request: ListRequest) {
    this.checkAuth();
    return this.inner.listChanges(request);
  }
  get(id: string) {
    this.checkAuth();
    return this.inner.get(id);
  }
  /**
   * Sched's `GET /bookings/{id}`: the booking on whichever resource holds it, cancelled included. A booking the fake
   * moved leaves a cancelled trace on its old resource; Sched has one booking, so the live one is the answer.
   */
  async locate(id: string): Promise<SyncItem | null> {
    if (this.side !== 'sched') return this.get(id);
    this.checkAuth();
    return this.located(id);
  }
  private located(id: string): SyncItem | null {
    const found = this.world.resources.flatMap((r) =>
      this.world
        .resourceProvider(r.id)
        .all()
        .filter((item) => item.id === id)
        .map((item) => ({ ...item, resourceId: r.id })),
    );
    return found.find((item) => item.status !== 'cancelled') ?? found[0] ?? null;
  }
  /**
   * Sched refuses a booking over a live availability exception of its resource (API.md: 409 `slot_unavailable` unless
   * `allow_overlap`), on a create and on any `PUT` that changes the booking; an unchanged `PUT` is answered as is.
   */
  private refuseBlocked(fields: ItemFields, allowOverlap: boolean | undefined, current?: SyncItem): void {
    if (this.feed?.kind !== 'booking' || allowOverlap) return;
    if (current && contentHash(fieldsOf(current)) === contentHash(fields)) return;
    const blocked = this.world.exceptionProvider(this.feed.resourceId).overlapping(fields);
    if (blocked) throw new SlotUnavailableError(undefined, { exceptionId: blocked.id });
  }
  create(request: CreateRequest): Promise<SyncItem> {
    const { feed } = this;
    if (!feed) return this.write(() => this.inner.create(request));
    const find = (id: string) =>
      feed.kind === 'booking' ? this.located(id) : (this.inner.all().find((item) => item.id === id) ?? null);
    const make = () => {
      this.refuseBlocked(request.fields, request.allowOverlap);
      return this.inner.create(request);
    };
    const reached = () => this.inner.faults.throwIfSet('create');
    return this.write(() =>
      this.world.schedKeys[feed.kind].create(request, feed.resourceId, make, find, reached),
    );
  }
  /** Sched's list of every item of the resource, all time: those made from `calendar`'s events. */
  async listMadeFrom(calendar: CalendarRef): Promise<SyncItem[]> {
    this.checkAuth();
    return madeFrom(this.inner.live(), calendar);
  }
  /** The calendar's events carrying the agent's tags for `connectionId`, all time (a filtered list of the service). */
  async listTagged(connectionId: string): Promise<SyncItem[]> {
    this.checkAuth();
    return this.inner.live().filter((item) => item.tags?.connectionId === connectionId);
  }
  update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    return this.write(async () => {
      this.refuseBlocked(fields, options.allowOverlap, this.located(id) ?? undefined);
      return this.moveHere(id, fields, options) ?? this.inner.update(id, fields, options);
    });
  }
  /** Sched's `DELETE /bookings/{id}` cancels the booking on whichever resource holds it (a remap's old one too). */
  delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    return this.write(() => this.holder(id).delete(id, options));
  }

  /** The resource holding the booking: the one where it is live (a moved booking leaves a cancelled trace behind). */
  private holder(id: string): MemoryProvider {
    if (this.side !== 'sched' || this.inner.live().some((item) => item.id === id)) return this.inner;
    const providers = this.world.resources.map((resource) => this.world.resourceProvider(resource.id));
    const live = providers.find((provider) => provider.live().some((item) => item.id === id));
    const any = providers.find((provider) => provider.all().some((item) => item.id === id));
    return live ?? any ?? this.inner;
  }

  /**
   * Sched's `PUT /bookings/{id}` with this resource: a live booking of another resource moves here (a remap moves
   * the bookings made from a calendar's events); its old resource's feed reports it gone. Like any `PUT`, a move onto
   * a slot a confirmed booking of this resource holds is refused with 409 unless `allow_overlap`.
   */
  private moveHere(id: string, fields: ItemFields, options: UpdateOptions): SyncItem | null {
    if (this.side !== 'sched' || this.inner.live().some((item) => item.id === id)) return null;
    for (const resource of this.world.resources) {
      const from = this.world.resourceProvider(resource.id);
      const item = from.live().find((booking) => booking.id === id);
      if (from === this.inner || !item) continue;
      if (item.version !== options.ifMatch) throw new PreconditionFailedError(id, item.version);
      const taken = options.allowOverlap ? undefined : this.inner.overlapping({ ...item, ...fields }, id);
      if (taken) throw new SlotUnavailableError(taken.id);
      from.remove(id);
      return this.inner.add({ ...item, ...fields, id });
    }
    return null;
  }

  private checkAuth(): void {
    if (this.accountId && this.world.revoked.has(this.accountId)) throw new AuthError(this.accountId);
  }

  private async write<T>(send: () => Promise<T>): Promise<T> {
    this.checkAuth();
    const plan = this.world.crash;
    if (!plan) return send();
    if (plan.after > 0) {
      plan.after -= 1;
      return send();
    }
    this.world.crash = null;
    this.world.crashed = true;
    if (plan.when === 'after') await send();
    throw new SimulatedCrash();
  }
}

/** One entry of Sched's Connected Calendars, as Sched stores it. */
export interface RegisteredCalendar {
  resource_id: string;
  calendar_service: string;
  sync_status: SyncStatus;
  /** The device that syncs it (one device per calendar), and since when. */
  device: DeviceRef | null;
  connected_at: string;
}

/** The other device of the model, which takes calendars over in Sched (and syncs nothing the model sees). */
export const otherDevice: DeviceRef = { id: 'device-laptop-7', name: 'LAPTOP-7' };

/** Sched's directory: resources and the Connected Calendars registry, one device per calendar (API.md §2). */
export class FakeSchedDirectory implements SchedDirectory {
  readonly registry = new Map<string, RegisteredCalendar>();
  constructor(private readonly world: FakeWorld) {}

  async listResources(): Promise<SchedResource[]> {
    return this.world.resources.map((r) => ({ ...r }));
  }
  async registerCalendar(input: {
    resource_id: string;
    calendar_service: string;
    calendar_id: string;
    device?: DeviceRef;
    takeover?: boolean;
  }) {
    const held = this.registry.get(input.calendar_id);
    if (held?.device && held.device.id !== input.device?.id && !input.takeover)
      throw new CalendarHeldElsewhereError(input.calendar_id, held.device, held.connected_at);
    this.registry.set(input.calendar_id, {
      resource_id: input.resource_id,
      calendar_service: input.calendar_service,
      sync_status: 'active',
      device: input.device ?? null,
      connected_at: this.world.now().toISOString(),
    });
  }
  async updateCalendar(
    calendarId: string,
    input: { sync_status?: SyncStatus; resource_id?: string; device?: DeviceRef },
  ) {
    const entry = this.registry.get(calendarId);
    if (!entry) throw new AgentError('not_found', `Sched has no connected calendar "${calendarId}".`);
    if (entry.device && input.device && entry.device.id !== input.device.id)
      throw new CalendarHeldElsewhereError(calendarId, entry.device, entry.connected_at);
    if (input.sync_status) entry.sync_status = input.sync_status;
    if (input.resource_id) entry.resource_id = input.resource_id;
  }
  async listHolders(): Promise<CalendarHolder[]> {
    return [...this.registry].map(([calendar_id, entry]) => ({
      calendar_id,
      device: entry.device,
      connected_at: entry.device ? entry.connected_at : null,
    }));
  }
  /** The other device connects the calendar with `takeover` (its own status, from now on). */
  takeOver(calendarId: string): boolean {
    const entry = this.registry.get(calendarId);
    if (!entry) return false;
    Object.assign(entry, {
      device: otherDevice,
      connected_at: this.world.now().toISOString(),
      sync_status: 'active',
    });
    return true;
  }
  async unregisterCalendar(calendarId: string) {
    this.registry.delete(calendarId);
  }
}

const emailOf = { google: 'ops@example.com', microsoft: 'ops@example.org' } as const;

/** The account id the fakes give each service's one account (`<provider>:<email>`, as the real sign-in does). */
export const accountIdOf = (service: 'google' | 'microsoft') => `${service}:${emailOf[service]}`;

/** The clients the agent is given (`clientsFor`): every call lands in the world's fakes. */
export function fakeClients(world: FakeWorld, directory: FakeSchedDirectory): ServiceClients {
  const identity = (provider: 'google' | 'microsoft') => {
    // A new sign-in or token is a valid grant again.
    world.revoked.delete(accountIdOf(provider));
    return { account_id: accountIdOf(provider), email: emailOf[provider], provider };
  };
  return {
    sched: async () => directory,
    async calendarsOf(account) {
      if (world.revoked.has(account.id)) throw new AuthError(account.id);
      return world.calendarsOf(account.id).map(({ connected: _connected, ...c }) => c);
    },
    async providersFor(connection, resource) {
      return {
        // The agent's own Sched side: bookings and availability exceptions through one provider.
        sched: new SchedResourceProvider({
          bookings: new WorldProvider(world, world.resourceProvider(resource.id), null, {
            resourceId: resource.id,
            kind: 'booking',
          }),
          exceptions: new WorldProvider(world, world.exceptionProvider(resource.id), null, {
            resourceId: resource.id,
            kind: 'exception',
          }),
          exceptionsOf: (id) =>
            new WorldProvider(world, world.exceptionProvider(id), null, {
              resourceId: id,
              kind: 'exception',
            }),
          inboundAs: connection.sync_settings.inbound_as,
          privacy: connection.sync_settings.privacy,
          calendar: { calendarService: connection.calendar_service, calendarId: connection.calendar_id },
        }),
        external: new WorldProvider(
          world,
          world.calendarProvider(connection.calendar_id),
          connection.account_id,
        ),
      };
    },
    async importToken(provider) {
      return identity(provider);
    },
    async signIn(provider) {
      return { auth_url: `https://login.example/${provider}`, done: Promise.resolve(identity(provider)) };
    },
    async forget() {},
  };
}

/** node-cron stand-in: jobs are kept and fired by `fire` when the model lets time pass. */
export class FakeCron implements CronLike {
  private readonly jobs = new Set<{ expression: string; task: () => void | Promise<void> }>();

  schedule(expression: string, task: () => void | Promise<void>) {
    const job = { expression, task };
    this.jobs.add(job);
    return { stop: () => void this.jobs.delete(job) };
  }

  /** Fires, once, every job whose period is no longer than `elapsedMs`. */
  async fire(elapsedMs: number): Promise<void> {
    for (const job of [...this.jobs]) if (periodMs(job.expression) <= elapsedMs) await job.task();
  }
}

/** The period of a cron expression made by `cronFor` (second minute-list hour * * *). */
function periodMs(expression: string): number {
  const [, minutes = '', hours = '*'] = expression.split(' ');
  if (hours === '*') return (60 / minutes.split(',').length) * 60_000;
  return hours.includes('/6') ? 6 * 3_600_000 : 24 * 3_600_000;
}
