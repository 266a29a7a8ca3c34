import { useCallback } from 'react';
import type { AccountView, ExternalCalendar, SchedResource } from '../../../preload/contract';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { SignInPanel } from '../components/sign-in-panel';
import { Tag } from '../components/status-badge';
import { useAgent } from '../hooks/agent-context';
import { useLoader } from '../hooks/use-loader';
import { providerName, serviceName } from '../lib/labels';

interface ResourceStepProps {
  selected: string | null;
  onSelect: (resource: SchedResource) => void;
  connectedCount: (resourceId: string) => number;
}

/** Step 1: which Sched resource. */
export function ResourceStep({ selected, onSelect, connectedCount }: ResourceStepProps) {
  const { api } = useAgent();
  const load = useCallback(() => api.schedResources(), [api]);
  const resources = useLoader(load, 0);
  if (resources.loading) return <p className="muted">Loading your Sched resources…</p>;
  if (resources.error) return <ErrorBanner message={resources.error} />;
  const list = resources.data?.resources ?? [];
  if (list.length === 0)
    return (
      <EmptyState title="Sched has no resources yet">
        Add a room, person or other resource in Sched, then come back. If you expected some, check the Sched
        API key in Settings.
      </EmptyState>
    );
  return (
    <fieldset className="choices">
      <legend>Which Sched resource should be synced?</legend>
      {list.map((r) => {
        const count = connectedCount(r.id);
        return (
          <label key={r.id} className="choice">
            <input type="radio" name="resource" checked={selected === r.id} onChange={() => onSelect(r)} />
            <span className="choice-text">
              <span className="strong">{r.name}</span>
              <span className="muted small">
                {[r.description, r.timezone, count > 0 ? `already synced with ${count} calendar(s)` : '']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

interface AccountStepProps {
  selected: string | null;
  onSelect: (account: AccountView) => void;
}

/** Step 2: which signed-in account, or sign in to a new one. */
export function AccountStep({ selected, onSelect }: AccountStepProps) {
  const { api, version } = useAgent();
  const load = useCallback(() => api.accounts(), [api]);
  const accounts = useLoader(load, version);
  const list = accounts.data?.accounts ?? [];
  return (
    <div>
      {accounts.loading && <p className="muted">Loading accounts…</p>}
      <ErrorBanner message={accounts.error} />
      {list.length > 0 && (
        <fieldset className="choices">
          <legend>Which account holds the calendar?</legend>
          {list.map((a) => (
            <label key={a.account_id} className="choice">
              <input
                type="radio"
                name="account"
                checked={selected === a.account_id}
                onChange={() => onSelect(a)}
              />
              <span className="choice-text">
                <span className="strong">{a.email}</span>
                <span className="muted small">{serviceName[a.provider]}</span>
              </span>
              {a.status === 'reauth_required' && <Tag tone="bad">Sign-in needed</Tag>}
            </label>
          ))}
        </fieldset>
      )}
      {!accounts.loading && list.length === 0 && (
        <p className="muted">
          No accounts yet. Sign in to the Google or Microsoft account that owns the calendar.
        </p>
      )}
      <div className="subsection">
        <p className="small muted">{list.length > 0 ? 'Or add another account:' : ''}</p>
        <SignInPanel onSignedIn={onSelect} />
      </div>
    </div>
  );
}

interface CalendarStepProps {
  account: AccountView;
  selected: string | null;
  onSelect: (calendar: ExternalCalendar) => void;
}

/** Step 3: which calendar of the account; calendars already connected cannot be picked again. */
export function CalendarStep({ account, selected, onSelect }: CalendarStepProps) {
  const { api } = useAgent();
  const load = useCallback(
    () => api.accountCalendars({ account_id: account.account_id }),
    [api, account.account_id],
  );
  const calendars = useLoader(load, 0);
  if (calendars.loading)
    return (
      <p className="muted">
        Asking {providerName[account.provider]} for the calendars of {account.email}…
      </p>
    );
  if (calendars.error) return <ErrorBanner message={calendars.error} />;
  const list = calendars.data?.calendars ?? [];
  if (list.length === 0)
    return (
      <EmptyState title={`${account.email} has no calendars`}>
        Create one in {serviceName[account.provider]} first.
      </EmptyState>
    );
  return (
    <fieldset className="choices">
      <legend>Which calendar of {account.email}?</legend>
      {list.map((c) => (
        <label key={c.id} className={c.connected ? 'choice disabled' : 'choice'}>
          <input
            type="radio"
            name="calendar"
            disabled={c.connected}
            checked={selected === c.id}
            onChange={() => onSelect(c)}
          />
          <span className="choice-text">
            <span className="strong">{c.name}</span>
            <span className="muted small">
              {[c.time_zone, c.connected ? 'already connected to a resource' : '']
                .filter(Boolean)
                .join(' · ')}
            </span>
          </span>
          {c.primary && <Tag tone="muted">Primary</Tag>}
        </label>
      ))}
    </fieldset>
  );
}
