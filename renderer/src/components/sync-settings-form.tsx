import { useId } from 'react';
import {
  conflictStrategies,
  directions,
  privacyModes,
  syncFrequencies,
  type SyncSettings,
} from '../../../preload/contract';
import { directionLabel, frequencyLabel, privacyLabel, strategyLabel } from '../lib/labels';

interface Props {
  value: SyncSettings;
  onChange: (next: SyncSettings) => void;
  disabled?: boolean;
}

/** The per-connection sync settings as a form (shared/SYNC.md, "Sync settings"). */
export function SyncSettingsForm({ value, onChange, disabled }: Props) {
  const id = useId();
  const set = <K extends keyof SyncSettings>(key: K, next: SyncSettings[K]) =>
    onChange({ ...value, [key]: next });
  const days = (raw: string, min: number) => Math.max(min, Math.min(3650, Math.round(Number(raw) || 0)));

  return (
    <fieldset className="form-grid" disabled={disabled}>
      <label htmlFor={`${id}-direction`}>Direction</label>
      <select
        id={`${id}-direction`}
        value={value.direction}
        onChange={(e) => set('direction', e.target.value as SyncSettings['direction'])}
      >
        {directions.map((d) => (
          <option key={d} value={d}>
            {directionLabel[d]}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-frequency`}>Sync</label>
      <select
        id={`${id}-frequency`}
        value={value.sync_frequency}
        onChange={(e) => set('sync_frequency', e.target.value as SyncSettings['sync_frequency'])}
      >
        {syncFrequencies.map((f) => (
          <option key={f} value={f}>
            {frequencyLabel[f]}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-conflicts`}>When both sides change</label>
      <select
        id={`${id}-conflicts`}
        value={value.conflict_resolution}
        onChange={(e) => set('conflict_resolution', e.target.value as SyncSettings['conflict_resolution'])}
      >
        {conflictStrategies.map((r) => (
          <option key={r} value={r}>
            {strategyLabel[r]}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-privacy`}>Details copied</label>
      <select
        id={`${id}-privacy`}
        value={value.privacy}
        onChange={(e) => set('privacy', e.target.value as SyncSettings['privacy'])}
      >
        {privacyModes.map((p) => (
          <option key={p} value={p}>
            {privacyLabel[p]}
          </option>
        ))}
      </select>

      <label htmlFor={`${id}-past`}>Days in the past</label>
      <input
        id={`${id}-past`}
        type="number"
        min={0}
        max={3650}
        value={value.window_days_past}
        onChange={(e) => set('window_days_past', days(e.target.value, 0))}
      />

      <label htmlFor={`${id}-future`}>Days ahead</label>
      <input
        id={`${id}-future`}
        type="number"
        min={1}
        max={3650}
        value={value.window_days_future}
        onChange={(e) => set('window_days_future', days(e.target.value, 1))}
      />
      <p className="form-hint small muted">
        Only bookings and events between {value.window_days_past} days ago and {value.window_days_future} days
        from today are synced. Items outside this window are left alone, never deleted.
      </p>
    </fieldset>
  );
}
