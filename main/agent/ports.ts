/**
 * What the agent needs from the outside world, as interfaces: the composition root wires the real adapters
 * (Sched REST client, googleapis, Graph client) or, in unit tests, small fakes.
 */
import type { CalendarService, ExternalCalendar, SchedResource } from '../../preload/contract';
import type { CalendarProvider } from '../providers/port';
import type { SchedDirectory } from '../providers/sched-directory';
import type { AccountIdentity } from '../auth';
import type { Account, StoredConnection } from '../store/settings-schema';

export type { SchedDirectory } from '../providers/sched-directory';

/** Both sides of one connection, ready for the engine. */
export interface ConnectionProviders {
  sched: CalendarProvider;
  external: CalendarProvider;
}

/** One calendar service's clients (Google or Microsoft): its accounts' calendars, providers and tokens. */
export interface CalendarServiceClients {
  /** The calendars an account can see (Google calendarList, Graph /me/calendars). */
  calendars(accountId: string): Promise<Omit<ExternalCalendar, 'connected'>[]>;
  /** The provider of one calendar of an account. */
  provider(accountId: string, calendarId: string): Promise<CalendarProvider>;
  /** Imports a refresh token (to the keychain only) and forgets the cached account that held the old one. */
  importToken(refreshToken: string, accountId?: string): Promise<AccountIdentity>;
  /** Drops a cached account (after sign-out or a new sign-in) so the next use reads the keychain again. */
  forget(accountId: string): void;
}

/** The outside services, built for the current environment (sandbox or live). */
export interface ServiceClients {
  /** Sched's directory; throws an AgentError when Sched is not configured. */
  sched(): Promise<SchedDirectory>;
  /** The calendars an account can see (Google calendarList, Graph /me/calendars). */
  calendarsOf(account: Account): Promise<Omit<ExternalCalendar, 'connected'>[]>;
  /** Providers for a connection. */
  providersFor(connection: StoredConnection, resource: SchedResource): Promise<ConnectionProviders>;
  /** Imports a refresh token given to connect/update as `oauth_token`; it goes to the keychain only. */
  importToken(provider: CalendarService, refreshToken: string, accountId?: string): Promise<AccountIdentity>;
  /** Starts an interactive sign-in; `done` resolves once the tokens are in the keychain. */
  signIn(provider: CalendarService): Promise<{ auth_url: string; done: Promise<AccountIdentity> }>;
  /** Forgets an account's tokens (keychain entries). */
  forget(accountId: string): Promise<void>;
}
