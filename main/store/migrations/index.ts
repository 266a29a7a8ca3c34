import type { Migration } from './migration';
import { initialSchema } from './001-initial-schema';
import { linkSnapshots } from './002-link-snapshots';
import { undoneCopies } from './003-undone-copies';
import { unconfirmedExternalCreates } from './004-unconfirmed-external-creates';
import { schedToldStatus } from './005-sched-told-status';
import { connectionRemaps } from './006-connection-remaps';
import { calendarsHeldElsewhere } from './007-calendars-held-elsewhere';
import { coveredWindow } from './008-covered-window';
import { remapUndoBoundary } from './009-remap-undo-boundary';
import { runTriggers } from './010-run-triggers';
import { createKeysKnown } from './011-create-keys-known';

export type { Migration } from './migration';

/**
 * Every schema step, oldest first. Append only: a step's position is the `user_version` it produces,
 * so reordering or editing a shipped step would corrupt databases already on people's machines.
 */
export const migrations: readonly Migration[] = [
  initialSchema,
  linkSnapshots,
  undoneCopies,
  unconfirmedExternalCreates,
  schedToldStatus,
  connectionRemaps,
  calendarsHeldElsewhere,
  coveredWindow,
  remapUndoBoundary,
  runTriggers,
  createKeysKnown,
];
