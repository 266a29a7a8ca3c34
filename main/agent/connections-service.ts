/**
 * Sched's Connected Calendars operations on this device: connect, list, update, disconnect (shared/API.md §2).
 * Every input is checked against what exists (the resource in Sched, the account, the calendar) before anything is
 * written, so a bad request changes nothing. Connections are registered with Sched without a token.
 */
import type {
  ConnectInput,
  Connection,
  DisconnectInput,
  DisconnectResult,
  ListResult,
  SchedResource,
  UpdateInput,
} from '../../preload/contract';
import { ReauthRequiredError } from '../auth/auth-errors';
import { CalendarHeldElsewhereError } from '../providers/calendar-held-elsewhere';
import type { Account, StoredConnection } from '../store/settings-schema';
import { copiesMoreThan } from '../sync';
import { AgentError } from './agent-error';
import type { ConnectionsDeps } from './connections-deps';
import { connectionView } from './connection-view';
import { heldElsewhereSentence, thisDevice } from './device-hold';
import { pairOnConnect, requestRemap } from './remap-request';
import { rememberRemap } from './remap-memory';
import { heldByAnotherDevice, takeBack } from './take-back';

export type { ConnectionsDeps } from './connections-deps';

const serviceLabel = { google: 'Google', microsoft: 'Microsoft' } as const;

/** The four Connected Calendars operations. */
export class ConnectionsService {
  constructor(private readonly deps: ConnectionsDeps) {}

  list(): ListResult {
    return { calendars: this.deps.settings.listConnections().map((c) => this.view(c)) };
  }

  get(calendarId: string): StoredConnection {
    const found = this.deps.settings.getConnection(calendarId);
    if (!found) throw new AgentError('not_found', `No connected calendar has the id "${calendarId}".`);
    return found;
  }

  view(stored: StoredConnection): Connection {
    return connectionView(stored, this.deps.db.connections.get(stored.calendar_id));
  }

  async connect(input: ConnectInput): Promise<Connection> {
    const { settings } = this.deps;
    const existing = settings.getConnection(input.calendar_id);
    // Taking back a calendar another device took over (or making sure this device holds it).
    if (existing && input.takeover) return takeBack(this.deps, existing, input, (c) => this.view(c));
    if (existing) {
      throw new AgentError(
        'conflict',
        `calendar_id: "${input.calendar_id}" is already connected; a calendar belongs to at most one resource.`,
      );
    }
    const clients = this.deps.clients();
    const sched = await clients.sched();
    const resource = await this.requireResource(input.resource_id);
    const account = await this.resolveAccount(input.calendar_service, input.account_id, input.oauth_token);
    // A token imported for an account this device did not know is forgotten again if the request fails later on.
    const newAccount = input.oauth_token !== undefined && !settings.getAccount(account.id);
    try {
      await this.requireCalendar(account, input.calendar_id);
      await sched.registerCalendar({
        resource_id: input.resource_id,
        calendar_service: input.calendar_service,
        calendar_id: input.calendar_id,
        device: thisDevice(settings),
        ...(input.takeover ? { takeover: true } : {}),
      });
    } catch (error) {
      if (newAccount) await clients.forget(account.id);
      if (error instanceof CalendarHeldElsewhereError) {
        const held = heldElsewhereSentence(resource.name, error.holder, error.since, resource.timezone);
        throw new AgentError('conflict', `${held} Take it over to sync it here (takeover: true).`);
      }
      throw error;
    }

    const stored: StoredConnection = {
      resource_id: input.resource_id,
      calendar_service: input.calendar_service,
      calendar_id: input.calendar_id,
      account_id: account.id,
      sync_settings: { ...settings.getSettings().default_sync_settings, ...input.sync_settings },
      // Only a person starts the first run (SYNC.md, "First run"): connection-hold.ts.
      awaiting_first_sync: true,
    };
    settings.saveAccount(account);
    const before = this.deps.db.remaps.pairing(stored.calendar_id);
    if (before && before.resourceId !== stored.resource_id)
      await this.deps.finishBeforeRemap?.(stored, before.resourceId);
    const former = settings.formerResource(stored.calendar_id);
    settings.saveConnection(stored);
    this.deps.db.connections.ensure(stored.calendar_id);
    pairOnConnect(this.deps.db, stored.calendar_id, stored.resource_id, former);
    rememberRemap(this.deps, stored.calendar_id);
    this.deps.db.heldElsewhere.clear(stored.calendar_id);
    this.deps.db.connections.update(stored.calendar_id, { status: 'active', statusMessage: null });
    // Sched shows the new registration as `active`, whatever it was told of an earlier connection of this calendar.
    await this.deps.registered?.(stored.calendar_id);
    this.deps.changed();
    const view = this.view(stored);
    this.deps.bus.publish({ type: 'status', data: view });
    return view;
  }

  async update(input: UpdateInput): Promise<Connection> {
    const current = this.get(input.calendar_id);
    const remapped = input.resource_id !== undefined && input.resource_id !== current.resource_id;
    if (remapped) await this.requireResource(input.resource_id!, 'not_found');
    // A crashed run's writes are finished as they were meant, before the resource or what the calendar's events
    // become changes: sent afterwards, a booking begun under `bookings` would come back as a block, beside it.
    const converted =
      input.sync_settings?.inbound_as !== undefined &&
      input.sync_settings.inbound_as !== current.sync_settings.inbound_as;
    if (remapped || converted) await this.deps.finishBeforeRemap?.(current, current.resource_id);
    let accountId = current.account_id;
    if (input.oauth_token) {
      const account = await this.resolveAccount(
        current.calendar_service,
        current.account_id ?? undefined,
        input.oauth_token,
      );
      this.deps.settings.saveAccount(account);
      accountId = account.id;
    }
    const next: StoredConnection = {
      ...current,
      account_id: accountId,
      resource_id: input.resource_id ?? current.resource_id,
      sync_settings: { ...current.sync_settings, ...input.sync_settings },
    };
    const sched = await this.deps.clients().sched();
    await sched.updateCalendar(next.calendar_id, {
      device: thisDevice(this.deps.settings),
      sync_settings: next.sync_settings,
      ...(input.resource_id ? { resource_id: next.resource_id } : {}),
    });
    this.deps.settings.saveConnection(next);
    // A remap still waiting when the state DB was lost is known to the settings file alone: the copies are where it
    // started, so a remap asked for now starts there too.
    const moves = next.resource_id !== current.resource_id;
    const lost = moves && this.deps.db.remaps.pairing(next.calendar_id) === null;
    const from = (lost ? current.remap_from : undefined) ?? current.resource_id;
    requestRemap(
      this.deps.db,
      next.calendar_id,
      from,
      next.resource_id,
      current.awaiting_first_sync === true,
    );
    rememberRemap(this.deps, next.calendar_id);
    // The newly copied side's items inside the window are read once by time on the next run (and its preview).
    // Converting what the calendar's events made in Sched needs every event of the window: the next run reads the
    // window by time once, beside the change feeds, which go on from their cursors so that no change is missed (an
    // event deleted out of the window still cancels its booking). Sched's feed of the new kind starts in full.
    if (
      next.sync_settings.inbound_as !== current.sync_settings.inbound_as ||
      copiesMoreThan(next.sync_settings.direction, current.sync_settings.direction)
    )
      this.deps.db.coveredWindows.coverNothing(next.calendar_id);
    const state = this.deps.db.connections.ensure(next.calendar_id);
    if (input.oauth_token && state.status === 'reauth_required') {
      this.deps.db.connections.update(next.calendar_id, { status: 'active', statusMessage: null });
    }
    this.deps.changed();
    const view = this.view(next);
    this.deps.bus.publish({ type: 'status', data: view });
    return view;
  }

  async disconnect(input: DisconnectInput): Promise<DisconnectResult> {
    const current = this.get(input.calendar_id);
    const sched = await this.deps.clients().sched();
    // A calendar another device took over is registered to that device now: its registration stays.
    if (!(await heldByAnotherDevice(this.deps, sched, current.calendar_id))) {
      await sched.unregisterCalendar(current.calendar_id).catch((error: unknown) => {
        if (!(error instanceof AgentError && error.code === 'not_found')) throw error;
      });
    }
    // The settings file keeps the resource its copies belong to (`formerResource`), should the state DB be lost.
    this.deps.settings.removeConnection(current.calendar_id);
    // After a lost state DB the connection has no sync state yet: there is nothing to mark disconnected.
    if (this.deps.db.connections.get(current.calendar_id)) {
      this.deps.db.connections.update(current.calendar_id, { status: 'disconnected' });
    }
    const stillUsed = this.deps.settings.listConnections().some((c) => c.account_id === current.account_id);
    if (current.account_id && !stillUsed) {
      await this.deps.clients().forget(current.account_id);
      this.deps.settings.removeAccount(current.account_id);
    }
    this.deps.changed();
    this.deps.bus.publish({
      type: 'status',
      data: { calendar_id: current.calendar_id, sync_status: 'disconnected' },
    });
    return { message: 'Calendar disconnected successfully.' };
  }

  /** Refuses a resource Sched does not list: a bad connect input (400), a remap target not found (404). */
  private async requireResource(
    resourceId: string,
    code: 'validation' | 'not_found' = 'validation',
  ): Promise<SchedResource> {
    const resources = await (await this.deps.clients().sched()).listResources();
    const found = resources.find((r) => r.id === resourceId);
    if (!found) {
      throw new AgentError(code, `resource_id: Sched has no resource with the id "${resourceId}".`);
    }
    return found;
  }

  /** The account a connection uses: an imported token, the account named, or the only account of that service. */
  private async resolveAccount(
    service: 'google' | 'microsoft',
    accountId: string | undefined,
    oauthToken: string | undefined,
  ): Promise<Account> {
    if (oauthToken) {
      const identity = await this.deps
        .clients()
        .importToken(service, oauthToken, accountId)
        .catch((error: unknown) => {
          if (error instanceof ReauthRequiredError) {
            throw new AgentError(
              'validation',
              `oauth_token: ${serviceLabel[service]} refused this token. Sign in again, or pass a current refresh token.`,
            );
          }
          throw error;
        });
      return { id: identity.account_id, provider: identity.provider, email: identity.email };
    }
    const accounts = this.deps.settings.listAccounts().filter((a) => a.provider === service);
    if (accountId) {
      const found = accounts.find((a) => a.id === accountId);
      if (!found) {
        throw new AgentError(
          'validation',
          `account_id: no signed-in ${serviceLabel[service]} account "${accountId}".`,
        );
      }
      return found;
    }
    if (accounts.length === 1) return accounts[0]!;
    throw new AgentError(
      'validation',
      accounts.length === 0
        ? `account_id: sign in to ${serviceLabel[service]} first, or pass its refresh token as oauth_token.`
        : `account_id: several ${serviceLabel[service]} accounts are signed in; say which one.`,
    );
  }

  private async requireCalendar(account: Account, calendarId: string): Promise<void> {
    const calendars = await this.deps.clients().calendarsOf(account);
    if (!calendars.some((c) => c.id === calendarId)) {
      throw new AgentError(
        'validation',
        `calendar_id: ${account.email} has no calendar with the id "${calendarId}".`,
      );
    }
  }
}
