import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView, Connection, SchedResource } from '../../../preload/contract';
import { serviceName } from '../lib/labels';
import { useAgent } from './agent-context';
import { useLoader } from './use-loader';

interface DirectoryData {
  connections: Connection[];
  resources: SchedResource[];
  accounts: AccountView[];
  /** Sched answered the resource list (false before Sched is set up). */
  schedReachable: boolean;
}

/** Names for ids: resources, calendars and accounts, so no screen shows a raw id. */
export interface Directory {
  data: DirectoryData | undefined;
  error: string | null;
  loading: boolean;
  resourceName: (id: string) => string;
  calendarName: (calendarId: string) => string;
  accountEmail: (accountId: string | null) => string | null;
  connection: (calendarId: string) => Connection | undefined;
  /** "Meeting Room A ↔ Work (Google Calendar)"; the service is left out when the calendar's name says it. */
  connectionLabel: (calendarId: string) => string;
}

/** Loads connections, resources and accounts, and the names of the connected calendars (once per account). */
export function useDirectory(): Directory {
  const { api, version } = useAgent();
  const load = useCallback(async (): Promise<DirectoryData> => {
    const [list, resources, accounts] = await Promise.all([
      api.list(),
      // Without Sched configured the names are unknown; the ids still identify the rows.
      api.schedResources().catch(() => null),
      api.accounts().catch(() => ({ accounts: [] })),
    ]);
    return {
      connections: list.calendars,
      resources: resources?.resources ?? [],
      accounts: accounts.accounts,
      schedReachable: resources !== null,
    };
  }, [api]);
  const { data, error, loading } = useLoader(load, version);

  const [names, setNames] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!data) return;
    // Calendar lists cost a request to Google or Microsoft: ask once per account and sign-in state, only for
    // calendars not yet named, so a calendar unnamed while its account was signed out is named once it signs in.
    const accounts = new Set(
      data.connections.filter((c) => c.account_id && !(c.calendar_id in names)).map((c) => c.account_id!),
    );
    for (const accountId of accounts) {
      const state = data.accounts.find((a) => a.account_id === accountId)?.status ?? 'unknown';
      const key = `${accountId}:${state}`;
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      api.accountCalendars({ account_id: accountId }).then(
        ({ calendars }) =>
          setNames((known) => ({ ...known, ...Object.fromEntries(calendars.map((c) => [c.id, c.name])) })),
        () => undefined, // The id stands in for the name.
      );
    }
  }, [api, data, names]);

  const resourceName = (id: string) => data?.resources.find((r) => r.id === id)?.name ?? id;
  const calendarName = (id: string) => {
    if (names[id]) return names[id];
    // An unnamed calendar (its account is signed out) reads as its service, never as a long opaque id.
    const c = data?.connections.find((x) => x.calendar_id === id);
    if (!c) return id;
    return /^[^\s@]{1,64}@[^\s@]+$/.test(id) ? id : `${serviceName[c.calendar_service]} calendar`;
  };
  const accountEmail = (id: string | null) => data?.accounts.find((a) => a.account_id === id)?.email ?? null;
  const connection = (id: string) => data?.connections.find((c) => c.calendar_id === id);
  const connectionLabel = (id: string) => {
    const c = connection(id);
    if (!c) return calendarName(id);
    const calendar = calendarName(id);
    const service = serviceName[c.calendar_service];
    return calendar.startsWith(service)
      ? `${resourceName(c.resource_id)} ↔ ${calendar}`
      : `${resourceName(c.resource_id)} ↔ ${calendar} (${service})`;
  };
  return { data, error, loading, resourceName, calendarName, accountEmail, connection, connectionLabel };
}
