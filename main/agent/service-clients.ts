/**
 * The outside services for one environment (sandbox or live): Sched's directory and provider, and one record per
 * calendar service (Google, Microsoft) with its accounts, providers and token import; sign-in spans both. One
 * instance per environment; switching to live services builds a new one.
 */
import type { CalendarService, SchedResource } from '../../preload/contract';
import { forgetAccountSecrets } from '../auth/forget-account';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredConnection, Account } from '../store/settings-schema';
import { AgentError } from './agent-error';
import type { ServiceEnvironment } from './environment';
import { GoogleClients } from './google-clients';
import { MicrosoftClients } from './microsoft-clients';
import { lazily } from './lazy-module';
import type { CalendarServiceClients, ConnectionProviders, ServiceClients } from './ports';
import { SchedClients } from './sched-clients';

/** Sign-in brings both services' auth libraries: loaded when a person first signs in. */
const signInModule = lazily(() => import('../auth/sign-in'));

const serviceWord: Record<CalendarService, string> = { google: 'Google', microsoft: 'Microsoft' };

/** Builds the clients of an environment. */
export function createServiceClients(env: ServiceEnvironment, secrets: SecretStore): ServiceClients {
  const services: Record<CalendarService, CalendarServiceClients | null> = {
    google: env.google ? new GoogleClients(env.google, secrets) : null,
    microsoft: env.microsoft ? new MicrosoftClients(env.microsoft, secrets) : null,
  };
  const sched = env.sched ? new SchedClients(env.sched) : null;
  const signIns = lazily(async () => new (await signInModule()).SignInSlots());
  const needSched = (): SchedClients => {
    if (!sched)
      throw new AgentError(
        'unavailable',
        'Sched is not configured yet. Add its URL and API key in Settings.',
      );
    return sched;
  };
  const need = (service: CalendarService): CalendarServiceClients => {
    const clients = services[service];
    if (!clients) {
      throw new AgentError(
        'unavailable',
        `${serviceWord[service]} sign-in is not configured on this installation. Add its sign-in app in Settings → Accounts → Sign-in apps, or ask your administrator for a deployment file (docs/live-mode.md).`,
      );
    }
    return clients;
  };

  return {
    sched: async () => needSched().directory(),
    async calendarsOf(account: Account) {
      const list = await need(account.provider).calendars(account.id);
      return list.map((c) => ({ id: c.id, name: c.name, primary: c.primary, time_zone: c.time_zone }));
    },
    async providersFor(connection: StoredConnection, resource: SchedResource): Promise<ConnectionProviders> {
      if (!connection.account_id) {
        throw new AgentError(
          'conflict',
          `${connection.calendar_id} has no signed-in account. Sign in again.`,
        );
      }
      const external = await need(connection.calendar_service).provider(
        connection.account_id,
        connection.calendar_id,
      );
      const calendar = { calendarService: connection.calendar_service, calendarId: connection.calendar_id };
      const sched = await needSched().resourceProvider(resource, connection.sync_settings, calendar);
      return { sched, external };
    },
    importToken: (provider, refreshToken, accountId) => need(provider).importToken(refreshToken, accountId),
    async signIn(provider: CalendarService) {
      need(provider);
      const { startSignIn } = await signInModule();
      const flow = await startSignIn(
        {
          secrets,
          inFlight: await signIns(),
          ...(env.google ? { google: env.google } : {}),
          ...(env.microsoft ? { microsoft: env.microsoft } : {}),
        },
        provider,
      );
      flow.done.then(
        (identity) => services[identity.provider]?.forget(identity.account_id),
        () => undefined,
      );
      return flow;
    },
    async forget(accountId: string) {
      for (const clients of Object.values(services)) clients?.forget(accountId);
      await forgetAccountSecrets(secrets, accountId);
    },
  };
}
