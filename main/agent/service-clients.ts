/**
 * The outside services for one environment (sandbox or live): Sched's directory and provider, Google and Microsoft
 * accounts with their providers, sign-in and token import. One instance per environment; switching to live
 * services builds a new one.
 */
import type { CalendarService, SchedResource } from '../../preload/contract';
import {
  forgetAccountSecrets,
  importGoogleRefreshToken,
  importMicrosoftRefreshToken,
  SignInSlots,
  startSignIn,
  type AccountIdentity,
} from '../auth';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredConnection, Account } from '../store/settings-schema';
import { AgentError } from './agent-error';
import type { ServiceEnvironment } from './environment';
import { GoogleClients } from './google-clients';
import { MicrosoftClients } from './microsoft-clients';
import type { ConnectionProviders, ServiceClients } from './ports';
import { SchedClients } from './sched-clients';

const notConfigured = (service: string) =>
  new AgentError(
    'unavailable',
    `${service} sign-in is not configured on this installation. Set its OAuth client id (see the README, "Live mode").`,
  );

/** Builds the clients of an environment. */
export function createServiceClients(env: ServiceEnvironment, secrets: SecretStore): ServiceClients {
  const google = env.google ? new GoogleClients(env.google, secrets) : null;
  const microsoft = env.microsoft ? new MicrosoftClients(env.microsoft, secrets) : null;
  const sched = env.sched ? new SchedClients(env.sched) : null;
  const signIns = new SignInSlots();
  const needSched = () => {
    if (!sched)
      throw new AgentError(
        'unavailable',
        'Sched is not configured yet. Add its URL and API key in Settings.',
      );
    return sched;
  };
  const needGoogle = () =>
    google ??
    (() => {
      throw notConfigured('Google');
    })();
  const needMicrosoft = () =>
    microsoft ??
    (() => {
      throw notConfigured('Microsoft');
    })();

  return {
    sched: async () => needSched().directory(),
    async calendarsOf(account: Account) {
      const list =
        account.provider === 'google'
          ? await needGoogle().calendars(account.id)
          : await needMicrosoft().calendars(account.id);
      return list.map((c) => ({ id: c.id, name: c.name, primary: c.primary, time_zone: c.time_zone }));
    },
    async providersFor(connection: StoredConnection, resource: SchedResource): Promise<ConnectionProviders> {
      if (!connection.account_id) {
        throw new AgentError(
          'conflict',
          `${connection.calendar_id} has no signed-in account. Sign in again.`,
        );
      }
      const external =
        connection.calendar_service === 'google'
          ? await needGoogle().provider(connection.account_id, connection.calendar_id)
          : await needMicrosoft().provider(connection.account_id, connection.calendar_id);
      return { sched: await needSched().provider(resource), external };
    },
    async importToken(
      provider: CalendarService,
      refreshToken: string,
      accountId?: string,
    ): Promise<AccountIdentity> {
      const input = { refresh_token: refreshToken, ...(accountId ? { account_id: accountId } : {}) };
      const identity =
        provider === 'google'
          ? await importGoogleRefreshToken(
              env.google ??
                (() => {
                  throw notConfigured('Google');
                })(),
              secrets,
              input,
            )
          : await importMicrosoftRefreshToken(
              env.microsoft ??
                (() => {
                  throw notConfigured('Microsoft');
                })(),
              secrets,
              input,
            );
      // A cached account still holds the old token; the next use reads the new one from the keychain.
      (provider === 'google' ? google : microsoft)?.forget(identity.account_id);
      return identity;
    },
    async signIn(provider: CalendarService) {
      const flow = await startSignIn(
        {
          secrets,
          inFlight: signIns,
          ...(env.google ? { google: env.google } : {}),
          ...(env.microsoft ? { microsoft: env.microsoft } : {}),
        },
        provider,
      );
      flow.done.then(
        (identity) => (identity.provider === 'google' ? google : microsoft)?.forget(identity.account_id),
        () => undefined,
      );
      return flow;
    },
    async forget(accountId: string) {
      google?.forget(accountId);
      microsoft?.forget(accountId);
      await forgetAccountSecrets(secrets, accountId);
    },
  };
}
