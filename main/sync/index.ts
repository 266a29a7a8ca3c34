/**
 * The pure sync core's public API. The engine reads changes through providers, calls `plan`, and applies the
 * returned actions as actions.ts describes; providers translate wire formats to `SyncItem` with the time helpers.
 */
export type {
  BookingSource,
  EventTags,
  ItemFields,
  ItemStatus,
  ItemTime,
  RecurrenceInfo,
  Side,
  SyncItem,
} from './item';
export { fieldsOf, isCancelled, otherSide } from './item';
export { canonicalFields, contentHash, fastHash64, fnv1a64, hashMatches } from './content-hash';
export type { PrivacyMode } from './privacy';
export { applyPrivacy, busyTitle } from './privacy';
export {
  addDays,
  allDayFromInstants,
  dateInZone,
  instantAt,
  instantsFromAllDay,
  isValidZone,
  startOfDayUtc,
  timeToEpochMs,
  utcToWallTime,
  wallTimeToUtc,
  zoneOffsetMinutes,
} from './time';
export type { SyncWindow } from './window';
export { overlapsWindow, syncWindow } from './window';
export { enteredSlices } from './window-slices';
export type { ConflictStrategy, ConnectionRef, Direction, InboundAs, PlanSettings } from './settings';
export { copiesMoreThan, isInbound, isOutbound } from './settings';
export type { HeldOverlap, Link, LinkSide, SyncState, UndoneItem } from './state';
export type { Capabilities, SideCapabilities } from './capabilities';
export {
  heldFields,
  holdsEverything,
  keptFields,
  sharedFieldNames,
  withinCapabilities,
} from './capabilities';
export { linkSideOf } from './state';
export type {
  Action,
  ActionReason,
  ConflictAction,
  ConflictVersion,
  CreateAction,
  DeleteAction,
  FieldDifference,
  LinkAction,
  LinkKey,
  UnlinkAction,
  UpdateAction,
} from './actions';
export { keyOf, linkAfterWrite } from './actions';
export type { SideRead } from './observations';
export { describeTime, fieldDifferences, resolveConflict } from './conflicts';
export type { GuardVerdict } from './mass-delete-guard';
export { checkMassDelete, deleteLimit } from './mass-delete-guard';
export { createKey, identityFor, madeFrom, recreateKey } from './identity';
export type { KeepVersion, Plan, PlanCounts, PlanInput } from './plan';
export { countActions, plan } from './plan';
export { isFreeTime, withoutFreeTime } from './free-time';
export {
  bookingsToMove,
  cancelInsteadOfMove,
  followsCancelledMove,
  isMove,
  planRemap,
  type MovingBookings,
} from './remap-plan';
export { overlapConflict, spanOf, spansOverlap, timesOverlap } from './overlap';
export type { OverlapConflict, Span } from './overlap';
export type { SchedKind } from './sched-kinds';
export { exceptionIdOf, exceptionItemId, inboundKind, schedKindOf } from './sched-kinds';
export { planInboundAs } from './inbound-change-plan';
