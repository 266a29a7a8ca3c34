/** Microsoft accounts, their gates (one per mailbox) and Graph calendar providers. */
import type { Client } from '@microsoft/microsoft-graph-client';
import { importMicrosoftRefreshToken, MicrosoftAccount, type AccountIdentity } from '../auth';
import type { RequestGate } from '../providers/gate';
import {
  GraphCalendarProvider,
  createGraphClient,
  createMicrosoftGate,
  listGraphCalendars,
} from '../providers/microsoft';
import type { SecretStore } from '../secrets/secret-store';
import { AccountGates } from './account-gates';
import type { MicrosoftEnvironment } from './environment';
import type { CalendarServiceClients } from './ports';

interface OpenMailbox {
  account: MicrosoftAccount;
  client: Client;
  gate: RequestGate;
}

/** Opens Microsoft accounts on demand and keeps them, so the 4-requests-per-mailbox cap spans all its calendars. */
export class MicrosoftClients implements CalendarServiceClients {
  private readonly mailboxes = new Map<string, Promise<OpenMailbox>>();
  /** Outlives `forget`: a new sign-in does not reset what Graph counted against the mailbox. */
  private readonly gates = new AccountGates(() => createMicrosoftGate());

  constructor(
    private readonly env: MicrosoftEnvironment,
    private readonly secrets: SecretStore,
  ) {}

  async calendars(
    accountId: string,
  ): Promise<{ id: string; name: string; primary: boolean; time_zone: null }[]> {
    const { account, client, gate } = await this.open(accountId);
    const calendars = await listGraphCalendars(client, { gate, account });
    return calendars
      .filter((c) => c.canEdit)
      .map((c) => ({ id: c.id, name: c.name, primary: c.primary, time_zone: null }));
  }

  async provider(accountId: string, calendarId: string): Promise<GraphCalendarProvider> {
    const { account, client, gate } = await this.open(accountId);
    return new GraphCalendarProvider({ account, calendarId, client, gate, graphUrl: this.env.graph_url });
  }

  async importToken(refreshToken: string, accountId?: string): Promise<AccountIdentity> {
    const input = { refresh_token: refreshToken, ...(accountId ? { account_id: accountId } : {}) };
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
      opened = MicrosoftAccount.open(this.env, this.secrets, accountId).then((account) => ({
        account,
        client: createGraphClient(account.authProvider, this.env.graph_url),
        gate: this.gates.for(accountId),
      }));
      opened.catch(() => this.mailboxes.delete(accountId));
      this.mailboxes.set(accountId, opened);
    }
    return opened;
  }
}
