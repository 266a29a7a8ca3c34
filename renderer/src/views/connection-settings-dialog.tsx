import { useState } from 'react';
import type { Connection, SyncSettings } from '../../../preload/contract';
import { Dialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { InboundAsChoice } from '../components/inbound-as-choice';
import { SyncSettingsForm } from '../components/sync-settings-form';
import { useAgent } from '../hooks/agent-context';
import { useAction } from '../hooks/use-action';

interface Props {
  connection: Connection;
  title: string;
  /** The Sched resource's name, for the question what the calendar's events mean. */
  resourceName: string;
  onClose: () => void;
  onSaved: () => void;
  /**
   * After a saved change of what the calendar's events mean: its next run converts them, so the person previews it
   * (and the mass-delete guard may ask), as after a remap.
   */
  onMeaningChanged?: () => void;
}

/** Edits one connection's sync settings (`update`). */
export function ConnectionSettingsDialog({
  connection,
  title,
  resourceName,
  onClose,
  onSaved,
  onMeaningChanged,
}: Props) {
  const { api, changed } = useAgent();
  const [settings, setSettings] = useState<SyncSettings>(connection.sync_settings);
  const action = useAction();

  const save = async () => {
    const saved = await action.run('save', () =>
      api.update({ calendar_id: connection.calendar_id, sync_settings: settings }),
    );
    if (saved) {
      changed();
      onSaved();
      onClose();
      if (settings.inbound_as !== connection.sync_settings.inbound_as) onMeaningChanged?.();
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={action.busy !== null}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void save()}
            disabled={action.busy !== null}
          >
            {action.busy ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <InboundAsChoice
        resourceName={resourceName}
        value={settings.inbound_as}
        onChange={(inbound_as) => setSettings({ ...settings, inbound_as })}
        disabled={action.busy !== null}
      />
      {settings.inbound_as !== connection.sync_settings.inbound_as && (
        <p className="small muted" role="note">
          The next sync turns what this calendar’s events made in Sched into{' '}
          {settings.inbound_as === 'busy' ? 'unavailable time' : 'bookings'}. You can preview it before it
          runs; a change that removes many items waits for your review.
        </p>
      )}
      <SyncSettingsForm value={settings} onChange={setSettings} disabled={action.busy !== null} />
      <ErrorBanner message={action.error} />
    </Dialog>
  );
}
