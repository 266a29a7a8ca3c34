/**
 * What a copy looks like on the side it is written to: privacy outbound, under busy-only only the times flow where
 * details would overwrite a person's own text with "Busy" (see `Link.origin`), and only the fields both sides can
 * hold (see capabilities.ts).
 */
import type { Capabilities } from './capabilities';
import { withinCapabilities } from './capabilities';
import type { ItemFields, Side } from './item';
import { fieldsOf } from './item';
import type { PrivacyMode } from './privacy';
import { applyPrivacy } from './privacy';

/**
 * The fields to write on `target` so it matches `source`, given the target's current fields and where the link
 * started. Creates pass the source as `targetNow`.
 */
export function projectOnto(
  target: Side,
  source: ItemFields,
  targetNow: ItemFields,
  origin: Side,
  privacy: PrivacyMode,
  capabilities: Capabilities,
): ItemFields {
  return withinCapabilities(
    target,
    privacyProjection(target, source, targetNow, origin, privacy),
    targetNow,
    capabilities,
  );
}

function privacyProjection(
  target: Side,
  source: ItemFields,
  targetNow: ItemFields,
  origin: Side,
  privacy: PrivacyMode,
): ItemFields {
  if (privacy === 'full') return fieldsOf(source);
  if (target === 'external' && origin === 'sched') return applyPrivacy(source, privacy);
  // Busy-only, any other case: keep the target's own details, move only the times.
  return { ...fieldsOf(targetNow), start: source.start, end: source.end };
}
