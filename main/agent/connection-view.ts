/** A stored connection and its sync state, as the API shows it. */
import type { Connection } from '../../preload/contract';
import type { StoredConnection } from '../store/settings-schema';
import type { ConnectionState } from '../store/connection-state-repo';
import { heldView } from './connection-hold';

/** Builds the DTO; a connection that never ran is `active` with no `last_sync`; a paused one shows `paused`. */
export function connectionView(stored: StoredConnection, state: ConnectionState | null): Connection {
  return {
    resource_id: stored.resource_id,
    calendar_service: stored.calendar_service,
    calendar_id: stored.calendar_id,
    account_id: stored.account_id,
    sync_settings: stored.sync_settings,
    last_sync: state?.lastSync ?? null,
    ...heldView(stored, state?.status ?? 'active', state?.statusMessage ?? null),
  };
}
