/** Privacy modes for what the agent writes to an external calendar (shared/SYNC.md, "Sync settings": `privacy`). */
import type { ItemFields } from './item';
import { fieldsOf } from './item';

/** `full` copies title, description and location; `busy-only` shows only that the time is taken. */
export type PrivacyMode = 'full' | 'busy-only';

/** Title every busy-only event carries. */
export const busyTitle = 'Busy';

/** The fields as they may appear in the external calendar under the given privacy mode. */
export function applyPrivacy(fields: ItemFields, mode: PrivacyMode): ItemFields {
  if (mode === 'full') return fieldsOf(fields);
  return { title: busyTitle, description: '', location: '', start: fields.start, end: fields.end };
}
