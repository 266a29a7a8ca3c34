import { useState } from 'react';
import type { Connection, SyncSettings } from '../../../preload/contract';
import { Dialog } from '../components/dialog';
import { ErrorBanner } from '../components/error-banner';
import { SyncSettingsForm } from '../components/sync-settings-form';
import { useAgent } from '../hooks/agent-context';
import { useAction } from '../hooks/use-action';

interface Props {
  connection: Connection;
  title: string;
  onClose: () => void;
  onSaved: () => void;
}

/** Edits one connection's sync settings (`update`). */
export function ConnectionSettingsDialog({ connection, title, onClose, onSaved }: Props) {
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
      <SyncSettingsForm value={settings} onChange={setSettings} disabled={action.busy !== null} />
      <ErrorBanner message={action.error} />
    </Dialog>
  );
}
