import type { Migration } from './migration';
import { initialSchema } from './001-initial-schema';
import { linkSnapshots } from './002-link-snapshots';
import { undoneCopies } from './003-undone-copies';
import { unconfirmedExternalCreates } from './004-unconfirmed-external-creates';
import { coveredWindow } from './005-covered-window';

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
  coveredWindow,
];
