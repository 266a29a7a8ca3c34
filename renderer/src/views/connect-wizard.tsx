import { useEffect, useState } from 'react';
import type {
  AccountView,
  Connection,
  ExternalCalendar,
  SchedResource,
  SyncSettings,
} from '../../../preload/contract';
import { defaultSyncSettings } from '../../../preload/contract';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Notice } from '../components/error-banner';
import { InboundAsChoice } from '../components/inbound-as-choice';
import { SyncSettingsForm } from '../components/sync-settings-form';
import { useAgent } from '../hooks/agent-context';
import { useAction } from '../hooks/use-action';
import { useDirectory } from '../hooks/use-directory';
import { serviceName } from '../lib/labels';
import { describeRun } from '../lib/run-text';
import { PreviewDialog } from './preview-dialog';
import { AccountStep, CalendarStep, ResourceStep } from './wizard-steps';

const steps = ['Resource', 'Account', 'Calendar', 'Settings', 'Done'] as const;

/** "Connect a calendar": resource → account → calendar → settings → connect, then preview or sync. */
export function ConnectWizard({ onClose }: { onClose: () => void }) {
  const { api, changed } = useAgent();
  const directory = useDirectory();
  const [step, setStep] = useState(0);
  const [resource, setResource] = useState<SchedResource | null>(null);
  const [account, setAccount] = useState<AccountView | null>(null);
  const [calendar, setCalendar] = useState<ExternalCalendar | null>(null);
  const [settings, setSettings] = useState<SyncSettings>(defaultSyncSettings);
  const [connected, setConnected] = useState<Connection | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const action = useAction();

  useEffect(() => {
    // The person's own defaults from Settings; the contract's defaults stand in until they arrive.
    api.getSettings().then(
      (s) => setSettings(s.default_sync_settings),
      () => undefined,
    );
  }, [api]);

  const canNext = [resource !== null, account !== null, calendar !== null, true, false][step] ?? false;
  const connect = async () => {
    if (!resource || !account || !calendar) return;
    const made = await action.run('connect', () =>
      api.connect({
        resource_id: resource.id,
        calendar_service: account.provider,
        calendar_id: calendar.id,
        account_id: account.account_id,
        sync_settings: settings,
      }),
    );
    if (made) {
      setConnected(made);
      setStep(4);
      changed();
    }
  };
  const syncNow = async () => {
    if (!connected || !resource) return;
    const ran = await action.run('sync', () => api.syncNow({ calendar_id: connected.calendar_id }));
    if (ran) {
      setResult(ran.runs.map((r) => describeRun(r, connected.calendar_service, resource.name)).join(' '));
      changed();
    }
  };
  const name = resource && calendar ? `${resource.name} ↔ ${calendar.name}` : '';
  const working = action.busy !== null;

  return (
    <Dialog
      title="Connect a calendar"
      onClose={onClose}
      wide
      actions={
        step < 4 ? (
          <>
            <button type="button" onClick={step === 0 ? onClose : () => setStep(step - 1)} disabled={working}>
              {step === 0 ? 'Cancel' : 'Back'}
            </button>
            {step < 3 ? (
              <button type="button" className="primary" disabled={!canNext} onClick={() => setStep(step + 1)}>
                Next
              </button>
            ) : (
              <button type="button" className="primary" disabled={working} onClick={() => void connect()}>
                {action.busy === 'connect' ? 'Connecting…' : 'Connect'}
              </button>
            )}
          </>
        ) : (
          <>
            <button type="button" disabled={working} onClick={() => setPreviewing(true)}>
              Preview first sync
            </button>
            <button type="button" disabled={working} onClick={() => void syncNow()}>
              {action.busy === 'sync' ? 'Syncing…' : 'Sync now'}
            </button>
            <button type="button" className="primary" disabled={working} onClick={onClose}>
              Done
            </button>
          </>
        )
      }
    >
      <ol className="steps" aria-label="Steps">
        {steps.map((label, index) => (
          <li
            key={label}
            className={index === step ? 'current' : index < step ? 'done' : ''}
            aria-current={index === step ? 'step' : undefined}
          >
            <span className="step-number">{index < step ? '✓' : index + 1}</span> {label}
          </li>
        ))}
      </ol>
      <div className="wizard-body">
        {step === 0 && (
          <ResourceStep
            selected={resource?.id ?? null}
            onSelect={setResource}
            connectedCount={(id) =>
              directory.data?.connections.filter((c) => c.resource_id === id).length ?? 0
            }
          />
        )}
        {step === 1 && (
          <AccountStep
            selected={account?.account_id ?? null}
            onSelect={(a) => {
              if (a.account_id !== account?.account_id) setCalendar(null);
              setAccount(a);
            }}
          />
        )}
        {step === 2 && account && (
          <CalendarStep account={account} selected={calendar?.id ?? null} onSelect={setCalendar} />
        )}
        {step === 3 && resource && account && calendar && (
          <div>
            <p>
              Keep <strong>{resource.name}</strong> in step with <strong>{calendar.name}</strong> in{' '}
              {serviceName[account.provider]}
              {calendar.name === account.email ? '' : ` (${account.email})`}.
            </p>
            <InboundAsChoice
              resourceName={resource.name}
              value={settings.inbound_as}
              onChange={(inbound_as) => setSettings({ ...settings, inbound_as })}
              disabled={working}
            />
            <SyncSettingsForm value={settings} onChange={setSettings} disabled={working} />
          </div>
        )}
        {step === 4 && connected && (
          <div>
            <Notice message={`${resource?.name ?? ''} is now connected to ${calendar?.name ?? ''}.`} />
            <p>
              Nothing has been copied yet. Preview the first sync to see what it would create, update or
              delete, or sync now.
            </p>
            <Notice message={result} />
          </div>
        )}
        <ErrorBanner message={action.error} onDismiss={action.clearError} />
      </div>
      {previewing && connected && (
        <PreviewDialog
          connection={connected}
          name={name}
          onClose={() => setPreviewing(false)}
          onSync={() => {
            setPreviewing(false);
            void syncNow();
          }}
        />
      )}
    </Dialog>
  );
}
