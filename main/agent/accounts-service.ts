/**
 * Signed-in Google and Microsoft accounts: interactive sign-in (the UI opens `auth_url`), the list, the calendars an
 * account can see, and sign-out. Accounts hold no tokens; those are in the keychain.
 */
import type { AccountView, CalendarService, ExternalCalendar } from '../../preload/contract';
import type { SettingsStore } from '../store/settings-store';
import type { StateDb } from '../store/state-db';
import { AgentError } from './agent-error';
import type { EventBus } from './event-bus';
import type { ServiceClients } from './ports';
import { isSignInRefused, signInAgainError } from './sign-in-refusal';

export interface AccountsDeps {
  settings: SettingsStore;
  db: StateDb;
  clients: () => ServiceClients;
  bus: EventBus;
  /** Reports a sign-in that failed after `auth_url` was handed out (denied, timed out). */
  onSignInFailed?: (provider: CalendarService, error: unknown) => void;
  /** Tells Sched a connection's status after a sign-in changed it (SyncService.reportStatus). */
  reportStatus?: (calendarId: string) => Promise<void>;
}

/** Account operations. */
export class AccountsService {
  /** Accounts whose saved sign-in was refused outside a run, until they sign in again. */
  private readonly refused = new Set<string>();

  constructor(private readonly deps: AccountsDeps) {}

  /** Forgets a refusal once the account has a new sign-in (a token given to connect or update). */
  signedInAgain(accountId: string | null): void {
    if (accountId) this.refused.delete(accountId);
  }

  list(): { accounts: AccountView[] } {
    const connections = this.deps.settings.listConnections();
    return {
      accounts: this.deps.settings.listAccounts().map((a) => ({
        account_id: a.id,
        provider: a.provider,
        email: a.email,
        status:
          this.refused.has(a.id) ||
          connections.some(
            (c) =>
              c.account_id === a.id &&
              this.deps.db.connections.get(c.calendar_id)?.status === 'reauth_required',
          )
            ? 'reauth_required'
            : 'ok',
      })),
    };
  }

  /** Starts a sign-in; when the person finishes it, the account is saved and connections waiting on it resume. */
  async signIn(provider: CalendarService): Promise<{ auth_url: string }> {
    const flow = await this.deps.clients().signIn(provider);
    flow.done.then(
      async (identity) => {
        this.refused.delete(identity.account_id);
        this.deps.settings.saveAccount({
          id: identity.account_id,
          provider: identity.provider,
          email: identity.email,
        });
        for (const c of this.deps.settings.listConnections()) {
          const state = this.deps.db.connections.get(c.calendar_id);
          if (c.account_id === identity.account_id && state?.status === 'reauth_required') {
            this.deps.db.connections.update(c.calendar_id, { status: 'active', statusMessage: null });
            await this.deps.reportStatus?.(c.calendar_id);
          }
        }
        this.deps.bus.publish({
          type: 'account',
          data: { account_id: identity.account_id, signed_in: true },
        });
      },
      (error: unknown) => this.deps.onSignInFailed?.(provider, error),
    );
    return { auth_url: flow.auth_url };
  }

  async calendars(accountId: string): Promise<{ calendars: ExternalCalendar[] }> {
    const account = this.deps.settings.getAccount(accountId);
    if (!account) throw new AgentError('not_found', `No signed-in account has the id "${accountId}".`);
    const connected = new Set(this.deps.settings.listConnections().map((c) => c.calendar_id));
    const calendars = await this.deps
      .clients()
      .calendarsOf(account)
      .catch((error: unknown) => {
        if (!isSignInRefused(error)) throw error;
        this.refused.add(account.id);
        throw signInAgainError(account.email, account.provider, 'its calendars');
      });
    this.refused.delete(account.id);
    return { calendars: calendars.map((c) => ({ ...c, connected: connected.has(c.id) })) };
  }

  /** Signs out: refused while a connection still uses the account (disconnect it first). */
  async remove(accountId: string): Promise<{ message: string }> {
    const account = this.deps.settings.getAccount(accountId);
    if (!account) throw new AgentError('not_found', `No signed-in account has the id "${accountId}".`);
    const using = this.deps.settings.listConnections().filter((c) => c.account_id === accountId);
    if (using.length > 0) {
      throw new AgentError(
        'conflict',
        `Cannot sign out of ${account.email}: it syncs ${using.length === 1 ? 'the calendar' : `${using.length} calendars:`} ${using
          .map((c) => `"${c.calendar_id}" (for Sched resource ${c.resource_id})`)
          .join(', ')}. Disconnect ${using.length === 1 ? 'it' : 'them'} first, then sign out.`,
      );
    }
    await this.deps.clients().forget(accountId);
    this.deps.settings.removeAccount(accountId);
    this.refused.delete(accountId);
    this.deps.bus.publish({ type: 'account', data: { account_id: accountId, signed_in: false } });
    return { message: `Signed out of ${account.email}.` };
  }
}
