/**
 * Which notifications the agent's state calls for, as a pure decision with a memory: one notification per cause
 * until that cause changes. A connection that needs a sign-in or a review is announced once until it is fixed; a
 * failed run once per error (the same error again is not news; a success in between, or another error, is); a
 * conflict once, by its id. Nothing here shows anything: main/agent/notice-watcher.ts feeds it and hands the
 * result to the desktop and the open UI.
 */
import type { AgentNotice, Connection, ConflictView } from '../../preload/contract';

/** The agent's state as the notifications read it: `list` and `conflicts`. */
export interface NoticeSnapshot {
  connections: (Pick<Connection, 'calendar_id' | 'sync_status' | 'status_message'> &
    Partial<Pick<Connection, 'account_id'>>)[];
  conflicts: Pick<ConflictView, 'id' | 'calendar_id' | 'kind'>[];
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/** The cause a connection's status stands for, or null when it needs nothing (or a run is deciding it). */
function causeOf(c: NoticeSnapshot['connections'][number]): string | null | 'unknown' {
  switch (c.sync_status) {
    case 'reauth_required':
      return 'sign-in';
    case 'needs_review':
      return 'review';
    case 'error':
      // The message is part of the cause: the same error again is no news, another one is.
      return `run-failed:${c.status_message ?? ''}`;
    case 'syncing':
    case 'paused':
      // A run in progress or a pause decides nothing: what was announced stays announced.
      return 'unknown';
    default:
      return null;
  }
}

function connectionNotice(c: NoticeSnapshot['connections'][number], cause: string): AgentNotice {
  const about = (fallback: string) => `${c.calendar_id}: ${c.status_message ?? fallback}`;
  if (cause === 'sign-in') {
    return {
      cause: 'sign-in',
      title: 'Sign in again',
      body: about('Sign in again to resume syncing this calendar.'),
      view: 'accounts',
      calendar_id: c.calendar_id,
    };
  }
  if (cause === 'review') {
    return {
      cause: 'review',
      title: 'Review needed',
      body: about('A large deletion waits for you to apply or cancel it before this calendar syncs again.'),
      view: 'connections',
      calendar_id: c.calendar_id,
    };
  }
  return {
    cause: 'run-failed',
    title: 'Sync failed',
    body: about('The last run failed.'),
    view: 'activity',
    calendar_id: c.calendar_id,
  };
}

function conflictsNotice(fresh: NoticeSnapshot['conflicts']): AgentNotice {
  const overlaps = fresh.filter((c) => c.kind === 'overlap').length;
  const edits = fresh.length - overlaps;
  const calendars = [...new Set(fresh.map((c) => c.calendar_id))];
  const where = calendars.length === 1 ? calendars[0]! : `${calendars.length} calendars`;
  const title =
    edits === 0
      ? plural(overlaps, 'Double booking', 'double bookings')
      : overlaps === 0
        ? plural(edits, 'New conflict', 'new conflicts')
        : `${fresh.length} new conflicts`;
  const parts = [
    overlaps > 0 &&
      plural(overlaps, 'a Sched booking overlaps a calendar event', 'Sched bookings overlap calendar events'),
    edits > 0 && `${plural(edits, 'an item was', 'items were')} changed on both sides`,
  ].filter(Boolean);
  return {
    cause: 'conflicts',
    title: title.charAt(0).toUpperCase() + title.slice(1),
    body: `${where}: ${parts.join('; ')}. Choose what to keep in Conflicts.`,
    view: 'conflicts',
    calendar_id: calendars.length === 1 ? calendars[0]! : null,
  };
}

/**
 * One sign-in lost makes every calendar of that account ask for it at once: those become one notification
 * ("Sign in again" for the account), not one per calendar.
 */
function mergeSignIns(notices: { notice: AgentNotice; account: string | null }[]): AgentNotice[] {
  const out: AgentNotice[] = [];
  const byAccount = new Map<string, AgentNotice[]>();
  for (const { notice, account } of notices) {
    if (notice.cause !== 'sign-in' || account === null) out.push(notice);
    else byAccount.set(account, [...(byAccount.get(account) ?? []), notice]);
  }
  for (const group of byAccount.values()) {
    if (group.length === 1) {
      out.push(group[0]!);
      continue;
    }
    out.push({
      ...group[0]!,
      body: `${group.map((n) => n.calendar_id).join(', ')}: their sign-in is needed again to resume syncing.`,
      calendar_id: null,
    });
  }
  return out;
}

/** Remembers what was announced, so each cause is announced once until it changes. */
export class NoticeMemory {
  /** Per connection: the cause last announced (`sign-in`, `review`, `run-failed:<message>`). */
  private readonly announced = new Map<string, string>();
  /** The conflicts already announced (only the open ones are kept). */
  private seenConflicts = new Set<string>();

  /** The notifications `snapshot` calls for, now remembered as announced. */
  next(snapshot: NoticeSnapshot): AgentNotice[] {
    const notices: { notice: AgentNotice; account: string | null }[] = [];
    const present = new Set<string>();
    for (const c of snapshot.connections) {
      present.add(c.calendar_id);
      const cause = causeOf(c);
      if (cause === 'unknown') continue;
      if (cause === null) {
        this.announced.delete(c.calendar_id);
        continue;
      }
      if (this.announced.get(c.calendar_id) === cause) continue;
      this.announced.set(c.calendar_id, cause);
      notices.push({ notice: connectionNotice(c, cause), account: c.account_id ?? null });
    }
    // A connection removed is forgotten: connected again, it starts afresh.
    for (const id of [...this.announced.keys()]) if (!present.has(id)) this.announced.delete(id);

    const fresh = snapshot.conflicts.filter((c) => !this.seenConflicts.has(c.id));
    this.seenConflicts = new Set(snapshot.conflicts.map((c) => c.id));
    const out = mergeSignIns(notices);
    if (fresh.length > 0) out.push(conflictsNotice(fresh));
    return out;
  }
}
