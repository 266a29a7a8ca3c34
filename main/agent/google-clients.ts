/** Google accounts, their gates and calendar providers, kept per account so rate limits span all its calendars. */
import type { AccountIdentity, GoogleAccount } from '../auth';
import type { RequestGate } from '../providers/gate';
import type { GoogleCalendarProvider } from '../providers/google';
import type { GoogleCalendarEntry } from '../providers/google/google-calendar-list';
import type { SecretStore } from '../secrets/secret-store';
import { AccountGates } from './account-gates';
import type { GoogleEnvironment } from './environment';
import { lazily } from './lazy-module';
import type { CalendarServiceClients } from './ports';

/** google-auth-library and @googleapis/calendar, loaded when a Google account is first used. */
const googleModules = lazily(async () => {
  const [account, provider, list] = await Promise.all([
    import('../auth/google-account'),
    import('../providers/google/google-calendar-provider'),
    import('../providers/google/google-calendar-list'),
  ]);
  return { ...account, ...provider, ...list };
});

/** Opens Google accounts on demand and keeps them for the life of the environment. */
export class GoogleClients implements CalendarServiceClients {
  private readonly accounts = new Map<string, Promise<{ account: GoogleAccount; gate: RequestGate }>>();
  /** Outlives `forget`: a new sign-in does not reset what Google counted against the account. Made with the modules. */
  private gates?: AccountGates;

  constructor(
    private readonly env: GoogleEnvironment,
    private readonly secrets: SecretStore,
  ) {}

  async calendars(accountId: string): Promise<GoogleCalendarEntry[]> {
    const { account, gate } = await this.open(accountId);
    const { listGoogleCalendars } = await googleModules();
    return listGoogleCalendars(account.client, gate, this.env.root_url);
  }

  async importToken(refreshToken: string, accountId?: string): Promise<AccountIdentity> {
    const input = { refresh_token: refreshToken, ...(accountId ? { account_id: accountId } : {}) };
    const { importGoogleRefreshToken } = await googleModules();
    const identity = await importGoogleRefreshToken(this.env, this.secrets, input);
    this.forget(identity.account_id);
    return identity;
  }

  async provider(accountId: string, calendarId: string): Promise<GoogleCalendarProvider> {
    const { account, gate } = await this.open(accountId);
    const { GoogleCalendarProvider } = await googleModules();
    return new GoogleCalendarProvider({
      auth: account.client,
      signIn: account,
      calendarId,
      rootUrl: this.env.root_url,
      gate,
      refreshAccessToken: () => account.refresh(),
    });
  }

  /** Drops a cached account (after sign-out or a new sign-in) so the next use reads the keychain again. */
  forget(accountId: string): void {
    this.accounts.delete(accountId);
  }

  private open(accountId: string): Promise<{ account: GoogleAccount; gate: RequestGate }> {
    let opened = this.accounts.get(accountId);
    if (!opened) {
      opened = googleModules().then(async ({ GoogleAccount, createGoogleGate }) => {
        const account = await GoogleAccount.open(this.env, this.secrets, accountId);
        this.gates ??= new AccountGates(() => createGoogleGate());
        return { account, gate: this.gates.for(accountId) };
      });
      opened.catch(() => this.accounts.delete(accountId));
      this.accounts.set(accountId, opened);
    }
    return opened;
  }
}
