/**
 * The store layer: the SQLite state DB and the settings file. The electron-store variant is not re-exported
 * here because it needs Electron at runtime; the desktop composition root imports electron-settings-store directly.
 */
export { openStateDb, StateDb, type StateDbOptions } from './state-db';
export { StateDbTooNewError } from './migrate';
export type { ConnectionState, ConnectionStatePatch } from './connection-state-repo';
export type { Link, LinkInput } from './link-repo';
export type { OutboxEntry, OutboxIntent, Side, WriteOperation } from './outbox-repo';
export {
  runSummaryOf,
  type PerSide,
  type Run,
  type RunCounts,
  type RunCountsDelta,
  type RunKind,
  type RunStatus,
  type RunSummary,
} from './run-repo';
export type { JournalEntry, JournalInput } from './journal-repo';
export {
  choiceFits,
  choicesFor,
  choicesOfKind,
  directionAllows,
  isMovedOverlap,
  type Conflict,
  type ConflictChoice,
  type ConflictInput,
  type ConflictKind,
  type ConflictOutcome,
} from './conflict-repo';
export type { UndoneCopy, UndoneCopyInput } from './undone-copy-repo';
export type { CoveredWindow } from './covered-window-repo';
export type { RemapBar } from './remap-repo';
export type { Clock } from './store-clock';
export {
  ConfBackedSettingsStore,
  SettingsFileError,
  SettingsValidationError,
  type SettingsStore,
} from './settings-store';
export { openConfSettingsStore, settingsFileName } from './conf-settings-store';
export * from './settings-schema';
