import type { Connection } from '../../../preload/contract';
import { StatusBadge } from '../components/status-badge';
import { formatAgo } from '../lib/format-time';
import { directionShort, frequencyLabel, serviceName } from '../lib/labels';

/** What a row asks its table to do. */
export type RowCommand =
  'sync' | 'preview' | 'settings' | 'disconnect' | 'review-apply' | 'review-cancel' | 'pause' | 'resume';

interface Props {
  connection: Connection;
  resourceName: string;
  calendarName: string;
  accountEmail: string | null;
  /** The command running on this row, if any (its button says so; the others wait). */
  busy: RowCommand | null;
  onCommand: (command: RowCommand) => void;
  /** Starts "Sign in again" for this row's provider. */
  onSignInAgain: () => void;
  /** A sign-in with this row's provider is under way. */
  signingIn: boolean;
}

/** One connection in the table, its actions, and what it needs from the person (review, sign in again). */
export function ConnectionRow(props: Props) {
  const { connection: c, busy, onCommand } = props;
  const disabled = busy !== null;
  const syncing = c.sync_status === 'syncing' || busy === 'sync';
  const paused = c.sync_status === 'paused';
  return (
    <>
      <tr
        className={
          c.sync_status === 'needs_review' || c.sync_status === 'reauth_required' ? 'has-followup' : ''
        }
      >
        <td data-label="Resource">
          <div className="strong">{props.resourceName}</div>
        </td>
        <td data-label="Calendar">
          <div>{props.calendarName}</div>
          <div className="muted small">
            {serviceName[c.calendar_service]}
            {props.accountEmail && props.accountEmail !== props.calendarName
              ? ` · ${props.accountEmail}`
              : ''}
          </div>
        </td>
        <td data-label="Direction">
          <div>{directionShort(c.sync_settings.direction, c.calendar_service)}</div>
          <div className="muted small">{frequencyLabel[c.sync_settings.sync_frequency]}</div>
        </td>
        <td data-label="Status">
          <StatusBadge
            status={syncing ? 'syncing' : c.sync_status}
            message={c.sync_status === 'needs_review' ? null : (c.status_message ?? null)}
          />
        </td>
        <td
          className="nowrap"
          data-label="Last sync"
          title={c.last_sync ? new Date(c.last_sync).toLocaleString() : undefined}
        >
          {formatAgo(c.last_sync)}
        </td>
        <td>
          <div className="row-actions">
            <button type="button" disabled={disabled || syncing || paused} onClick={() => onCommand('sync')}>
              {busy === 'sync' ? 'Syncing…' : 'Sync now'}
            </button>
            <button type="button" disabled={disabled} onClick={() => onCommand(paused ? 'resume' : 'pause')}>
              {paused ? 'Resume' : 'Pause'}
            </button>
            <button type="button" disabled={disabled} onClick={() => onCommand('preview')}>
              Preview
            </button>
            <button type="button" disabled={disabled} onClick={() => onCommand('settings')}>
              Settings
            </button>
            <button
              type="button"
              className="danger-text"
              disabled={disabled}
              onClick={() => onCommand('disconnect')}
            >
              Disconnect
            </button>
          </div>
        </td>
      </tr>
      {c.sync_status === 'needs_review' && (
        <tr className="followup">
          <td colSpan={6}>
            <div className="followup-box warn">
              <p>
                <strong>The last sync was stopped before it deleted many items.</strong>{' '}
                {c.status_message ?? 'Check that this is what you want before anything is deleted.'}
              </p>
              <div className="button-row">
                <button type="button" disabled={disabled} onClick={() => onCommand('preview')}>
                  Review the changes
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={disabled}
                  onClick={() => onCommand('review-apply')}
                >
                  {busy === 'review-apply' ? 'Applying…' : 'Apply deletions'}
                </button>
                <button type="button" disabled={disabled} onClick={() => onCommand('review-cancel')}>
                  {busy === 'review-cancel' ? 'Cancelling…' : 'Cancel deletions'}
                </button>
              </div>
            </div>
          </td>
        </tr>
      )}
      {c.sync_status === 'reauth_required' && (
        <tr className="followup">
          <td colSpan={6}>
            <div className="followup-box bad">
              <p>
                <strong>
                  {serviceName[c.calendar_service]} needs you to sign in again
                  {props.accountEmail ? ` as ${props.accountEmail}` : ''}.
                </strong>{' '}
                Nothing is synced until you do; syncing then resumes where it stopped.
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="primary"
                  disabled={props.signingIn}
                  onClick={props.onSignInAgain}
                >
                  {props.signingIn ? 'Waiting for the sign-in…' : 'Sign in again'}
                </button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
