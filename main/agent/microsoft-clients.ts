/** Microsoft accounts, their gates (one per mailbox) and Graph calendar providers. */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AccountIdentity, MicrosoftAccount } from '../auth';
import type { RequestGate } from '../providers/gate';
import type { GraphCalendarProvider } from '../providers/microsoft';
import type { SecretStore } from '../secrets/secret-store';
import { AccountGates } from './account-gates';
import type { MicrosoftEnvironment } from './environment';
import { lazily } from './lazy-module';
import type { CalendarServiceClients } from './ports';

/** msal-node and the Graph client, loaded when a Microsoft account is first used. */
const microsoftModules = lazily(async () => {
  const [account, provider, calendars, client] = await Promise.all([
    import('../auth/microsoft-account'),
    import('../providers/microsoft/graph-calendar-provider'),
    import('../providers/microsoft/graph-calendars'),
    import('../providers/microsoft/graph-client'),
  ]);
  return { ...account, ...provider, ...calendars, ...client };
});

interface OpenMailbox {
  account: MicrosoftAccount;
  client: Client;
  gate: RequestGate;
}

/** Opens Microsoft accounts on demand and keeps them, so the 4-requests-per-mailbox cap spans all its calendars. */
export class MicrosoftClients implements CalendarServiceClients {
  private readonly mailboxes = new Map<string, Promise<OpenMailbox>>();
  /** Outlives `forget`: a new sign-in does not reset what Graph counted against the mailbox. Made with the modules. */
  private gates?: AccountGates;

  constructor(
    private readonly env: MicrosoftEnvironment,
    private readonly secrets: SecretStore,
  ) {}

  async calendars(
    accountId: string,
  ): Promise<{ id: string; name: string; primary: boolean; time_zone: null }[]> {
    const { account, client, gate } = await this.open(accountId);
    const { listGraphCalendars } = await microsoftModules();
    const calendars = await listGraphCalendars(client, { gate, account });
    return calendars
      .filter((c) => c.canEdit)
      .map((c) => ({ id: c.id, name: c.name, primary: c.primary, time_zone: null }));
  }

  async provider(accountId: string, calendarId: string): Promise<GraphCalendarProvider> {
    const { account, client, gate } = await this.open(accountId);
    const { GraphCalendarProvider } = await microsoftModules();
    return new GraphCalendarProvider({ account, calendarId, client, gate, graphUrl: this.env.graph_url });
  }

  async importToken(refreshToken: string, accountId?: string): Promise<AccountIdentity> {
    const input = { refresh_token: refreshToken, ...(accountId ? { account_id: accountId } : {}) };
    const { importMicrosoftRefreshToken } = await microsoftModules();
    const identity = await importMicrosoftRefreshToken(this.env, this.secrets, input);
    this.forget(identity.account_id);
    return identity;
  }

  forget(accountId: string): void {
    this.mailboxes.delete(accountId);
  }

  private open(accountId: string): Promise<OpenMailbox> {
    let opened = this.mailboxes.get(accountId);
    if (!opened) {
      opened = microsoftModules().then(async (m) => {
        const account = await m.MicrosoftAccount.open(this.env, this.secrets, accountId);
        this.gates ??= new AccountGates(() => m.createMicrosoftGate());
        return {
          account,
          client: m.createGraphClient(account.authProvider, this.env.graph_url),
          gate: this.gates.for(accountId),
        };
      });
      opened.catch(() => this.mailboxes.delete(accountId));
      this.mailboxes.set(accountId, opened);
    }
    return opened;
  }
}
