import { useState } from 'react';
import type { Connection } from '../../../preload/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner, Notice } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useDirectory } from '../hooks/use-directory';
import { useSignIn } from '../hooks/use-sign-in';
import { SignInWaiting } from '../components/sign-in-panel';
import { messageOf } from '../lib/errors';
import { describeRun } from '../lib/run-text';
import { ConnectWizard } from './connect-wizard';
import { ConnectionRow, type RowCommand } from './connection-row';
import { ConnectionSettingsDialog } from './connection-settings-dialog';
import { PreviewDialog } from './preview-dialog';

type Open =
  { kind: 'settings' | 'preview' | 'disconnect'; connection: Connection } | { kind: 'wizard' } | null;

/** The connected calendars: status, last sync and what can be done with each. */
export function ConnectionsView({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { api, changed } = useAgent();
  const directory = useDirectory();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<Record<string, RowCommand>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const connections = directory.data?.connections;
  // Lives here, not in the row: the row's follow-up disappears as soon as the agent resumes the connection.
  const reauth = useSignIn(api, (account) => {
    setNotice(`Signed in again as ${account.email}. Syncing resumes where it stopped.`);
    changed();
  });

  async function command(c: Connection, cmd: RowCommand): Promise<void> {
    if (cmd === 'settings' || cmd === 'preview' || cmd === 'disconnect') {
      setOpen({ kind: cmd, connection: c });
      return;
    }
    const name = directory.resourceName(c.resource_id);
    setBusy((b) => ({ ...b, [c.calendar_id]: cmd }));
    setError(null);
    setNotice(null);
    try {
      if (cmd === 'sync') {
        const { runs } = await api.syncNow({ calendar_id: c.calendar_id });
        // A failed run is an error; a run stopped for review is explained in its row, not said twice.
        const failed = runs.filter((run) => run.status === 'error');
        const finished = runs.filter((run) => run.status !== 'error' && run.status !== 'needs_review');
        if (failed.length > 0)
          setError(failed.map((run) => describeRun(run, c.calendar_service, name)).join(' '));
        if (finished.length > 0 || runs.length === 0) {
          setNotice(
            finished.map((run) => describeRun(run, c.calendar_service, name)).join(' ') || `Synced ${name}.`,
          );
        }
      } else if (cmd === 'pause' || cmd === 'resume') {
        await api.update({ calendar_id: c.calendar_id, paused: cmd === 'pause' });
        setNotice(
          cmd === 'pause'
            ? `Paused ${name}. Nothing syncs until you resume it; everything synced so far stays.`
            : `Resumed ${name}. It syncs again from where it stopped.`,
        );
      } else {
        const decision = cmd === 'review-apply' ? 'apply' : 'cancel';
        const { run } = await api.review({ calendar_id: c.calendar_id, decision });
        setNotice(
          decision === 'apply'
            ? run
              ? describeRun(run, c.calendar_service, name)
              : `The deletions for ${name} were applied.`
            : `Nothing was deleted for ${name}. Syncing continues as before.`,
        );
      }
    } catch (failure) {
      setError(`${name}: ${messageOf(failure)}`);
    } finally {
      setBusy(({ [c.calendar_id]: _done, ...rest }) => rest);
      changed();
    }
  }

  const schedMissing = directory.error !== null && !directory.data;
  return (
    <section aria-labelledby="connections-title">
      <div className="section-head">
        <div>
          <h2 id="connections-title">Connections</h2>
          <p className="muted small">Each connection keeps one Sched resource and one calendar in step.</p>
        </div>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'wizard' })}>
          Connect a calendar
        </button>
      </div>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {schedMissing && <ErrorBanner message={directory.error} />}
      <ErrorBanner message={reauth.error} />
      {reauth.pending && <SignInWaiting pending={reauth.pending} onCancel={reauth.cancel} />}
      {directory.loading && !connections && <p className="muted">Loading connections…</p>}
      {connections && connections.length === 0 && (
        <EmptyState title="No calendars connected yet">
          <p>
            Click <strong>Connect a calendar</strong> to keep a Sched resource (a room, a doctor, a classroom)
            in step with a Google or Outlook calendar.
          </p>
          {directory.data?.schedReachable === false && (
            <p>
              Not connected to Sched yet?{' '}
              <button type="button" className="link" onClick={onOpenSettings}>
                Enter your Sched API key in Settings
              </button>
              .
            </p>
          )}
        </EmptyState>
      )}
      {connections && connections.length > 0 && (
        <div className="table-wrap">
          <table className="grid stacks">
            <thead>
              <tr>
                <th>Resource</th>
                <th>Calendar</th>
                <th>Direction</th>
                <th>Status</th>
                <th className="nowrap">Last sync</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => (
                <ConnectionRow
                  key={c.calendar_id}
                  connection={c}
                  resourceName={directory.resourceName(c.resource_id)}
                  calendarName={directory.calendarName(c.calendar_id)}
                  accountEmail={directory.accountEmail(c.account_id)}
                  busy={busy[c.calendar_id] ?? null}
                  onCommand={(cmd) => void command(c, cmd)}
                  signingIn={reauth.starting || reauth.pending?.provider === c.calendar_service}
                  onSignInAgain={() => void reauth.start(c.calendar_service)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open?.kind === 'wizard' && <ConnectWizard onClose={() => setOpen(null)} />}
      {open?.kind === 'settings' && (
        <ConnectionSettingsDialog
          connection={open.connection}
          title={`Settings for ${directory.connectionLabel(open.connection.calendar_id)}`}
          resourceName={directory.resourceName(open.connection.resource_id)}
          onClose={() => setOpen(null)}
          onMeaningChanged={() => setOpen({ kind: 'preview', connection: open.connection })}
          onSaved={() =>
            setNotice(`Saved the settings of ${directory.resourceName(open.connection.resource_id)}.`)
          }
        />
      )}
      {open?.kind === 'preview' && (
        <PreviewDialog
          connection={open.connection}
          name={directory.connectionLabel(open.connection.calendar_id)}
          onClose={() => setOpen(null)}
          onSync={() => {
            const c = open.connection;
            setOpen(null);
            void command(c, 'sync');
          }}
        />
      )}
      {open?.kind === 'disconnect' && (
        <ConfirmDialog
          title="Disconnect this calendar?"
          confirmLabel="Disconnect"
          cancelLabel="Keep connected"
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const result = await api.disconnect({ calendar_id: open.connection.calendar_id });
            setNotice(result.message);
            changed();
          }}
        >
          <p>
            <strong>{directory.connectionLabel(open.connection.calendar_id)}</strong> will stop syncing, and
            its sign-in for this calendar is forgotten.
          </p>
          <p>
            Everything already synced stays where it is, in Sched and in the calendar. Nothing is deleted.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
