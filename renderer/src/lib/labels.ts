/** Words for the contract's codes, so no screen shows `sched-to-external` or `prefer-external` to a person. */
import type {
  CalendarService,
  ConflictStrategy,
  Direction,
  privacyModes,
  RunSummary,
  ScheduleState,
  syncFrequencies,
} from '../../../preload/contract';

type Frequency = (typeof syncFrequencies)[number];
type Privacy = (typeof privacyModes)[number];

/** The product name of a calendar service. */
export const serviceName: Record<CalendarService, string> = {
  google: 'Google Calendar',
  microsoft: 'Outlook',
};

/** The company a person signs in with. */
export const providerName: Record<CalendarService, string> = {
  google: 'Google',
  microsoft: 'Microsoft',
};

/** How a direction reads in a form. */
export const directionLabel: Record<Direction, string> = {
  'two-way': 'Both ways',
  'sched-to-external': 'From Sched to the calendar only',
  'external-to-sched': 'From the calendar to Sched only',
};

/** How a direction reads in the table, naming the calendar service. */
export function directionShort(direction: Direction, service: CalendarService): string {
  if (direction === 'two-way') return `Sched ⇄ ${serviceName[service]}`;
  if (direction === 'sched-to-external') return `Sched → ${serviceName[service]}`;
  return `${serviceName[service]} → Sched`;
}

export const frequencyLabel: Record<Frequency, string> = {
  manual: 'Only when I click Sync now',
  '1min': 'Every minute',
  '5min': 'Every 5 minutes',
  '15min': 'Every 15 minutes',
  '30min': 'Every 30 minutes',
  '1h': 'Every hour',
  '6h': 'Every 6 hours',
  '24h': 'Once a day',
};

export const strategyLabel: Record<ConflictStrategy, string> = {
  manual: 'Ask me',
  'prefer-sched': "Keep Sched's version",
  'prefer-external': "Keep the calendar's version",
  newest: 'Keep the newest change',
};

export const privacyLabel: Record<Privacy, string> = {
  full: 'Full details (title, description, location)',
  'busy-only': 'Busy only (title “Busy”, no details)',
};

/** The side of a connection a change lands on. */
export function sideName(side: 'sched' | 'external', service: CalendarService | undefined): string {
  if (side === 'sched') return 'Sched';
  return service ? serviceName[service] : 'the calendar';
}

export const runStatusLabel: Record<RunSummary['status'], string> = {
  running: 'Running…',
  ok: 'Done',
  error: 'Failed',
  needs_review: 'Stopped for review',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** The conflict fields in a person's words. */
export const fieldLabel: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  location: 'Location',
  start: 'Starts',
  end: 'Ends',
};

/** How an item of the schedule stands, in words, and the tone of its mark. */
export const scheduleStateLabel: Record<ScheduleState, string> = {
  'in-sync': 'In sync',
  waiting: 'Waiting for the next sync',
  conflict: 'Conflict: waits for you',
  skipped: 'Skipped (you chose not to import it)',
  free: 'Free time: not synced',
  'not-synced': 'Not synced (outside the window or the direction)',
};

/** The short word of a state, on the item itself. */
export const scheduleStateShort: Record<ScheduleState, string> = {
  'in-sync': 'In sync',
  waiting: 'Waiting',
  conflict: 'Conflict',
  skipped: 'Skipped',
  free: 'Free',
  'not-synced': 'Not synced',
};
