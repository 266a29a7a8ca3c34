/**
 * The agent's tags on Outlook events (SYNC.md, "Identity: never a duplicate"): two single-value extended
 * properties under one fixed GUID namespace that belongs to Sched Sync. The GUID must never change, or events
 * written before the change could no longer be recognised and relinked.
 * https://learn.microsoft.com/graph/api/resources/singlevaluelegacyextendedproperty
 */
import type { EventTags } from '../../sync';

/** Sched Sync's property set; chosen once at random. */
export const schedSyncPropertySet = '5ad3c9d6-ea1a-4182-b383-dd28988ae7f9';

/** The full property ids, in Graph's `Type {GUID} Name X` form. */
export const tagPropertyIds = {
  bookingId: `String {${schedSyncPropertySet}} Name schedSyncBookingId`,
  connectionId: `String {${schedSyncPropertySet}} Name schedSyncConnectionId`,
} as const;

/** One single-value extended property as Graph sends and takes it. */
export interface GraphExtendedProperty {
  id?: string | null;
  value?: string | null;
}

/** The `$expand` that returns just the agent's two properties with an event. */
export const tagsExpand =
  `singleValueExtendedProperties($filter=id eq '${tagPropertyIds.bookingId}'` +
  ` or id eq '${tagPropertyIds.connectionId}')`;

/** The properties to write on a create. */
export function tagsToProperties(tags: EventTags): GraphExtendedProperty[] {
  return [
    { id: tagPropertyIds.bookingId, value: tags.bookingId },
    { id: tagPropertyIds.connectionId, value: tags.connectionId },
  ];
}

/** Graph prints the GUID in its own case, so ids are compared without case. */
function valueOf(properties: GraphExtendedProperty[], id: string): string | undefined {
  const wanted = id.toLowerCase();
  const found = properties.find((property) => property.id?.toLowerCase() === wanted);
  return found?.value ?? undefined;
}

/** The tags on an event, or `undefined` unless both properties are there. */
export function tagsFromProperties(
  properties: GraphExtendedProperty[] | null | undefined,
): EventTags | undefined {
  if (!properties || properties.length === 0) return undefined;
  const bookingId = valueOf(properties, tagPropertyIds.bookingId);
  const connectionId = valueOf(properties, tagPropertyIds.connectionId);
  return bookingId && connectionId ? { bookingId, connectionId } : undefined;
}
