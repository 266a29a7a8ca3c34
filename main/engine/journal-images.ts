/**
 * What the engine writes into the journal for each applied action, so `undo` can walk a run backwards
 * (shared/SYNC.md, "Journal and undo"). `before` is the item as it stood before the write, `after` as the write left it.
 */
import type { ItemFields, Link, SyncItem } from '../sync';

/** The before-image of an update or a delete: the item's synced fields, and for a delete the link it ended. */
export interface BeforeImage {
  id: string;
  fields: ItemFields;
  /** The link as it stood before a delete, so a restore knows the item's counterpart. */
  link?: Link;
}

/** The after-image of a create or an update: the item exactly as the provider returned it. */
export type AfterImage = SyncItem;

/** Reads a journal column back as a before-image, or null when the column holds something else. */
export function asBeforeImage(value: unknown): BeforeImage | null {
  if (typeof value !== 'object' || value === null) return null;
  const image = value as Partial<BeforeImage>;
  return typeof image.id === 'string' && typeof image.fields === 'object' ? (image as BeforeImage) : null;
}

/** Reads a journal column back as an after-image, or null when the column holds something else. */
export function asAfterImage(value: unknown): AfterImage | null {
  if (typeof value !== 'object' || value === null) return null;
  const image = value as Partial<AfterImage>;
  return typeof image.id === 'string' && typeof image.version === 'string' ? (image as AfterImage) : null;
}
