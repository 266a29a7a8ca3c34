/** A small world for engine tests: Sched and a calendar in memory, a state DB, a fake clock and an engine. */
import { Engine, type EngineConnection, type EngineEvent } from '../../../main/engine';
import { MemoryProvider } from '../../fakes/memory-provider';
import { openStateDb, type StateDb } from '../../../main/store';
import type { ItemFields, PlanSettings } from '../../../main/sync';
import { instantAt } from '../../../main/sync';

export const zone = 'Europe/London';

/** Settings with SYNC.md's defaults, overridable. */
export function settings(overrides: Partial<PlanSettings> = {}): PlanSettings {
  return {
    direction: 'two-way',
    conflict_resolution: 'manual',
    privacy: 'full',
    window_days_past: 30,
    window_days_future: 180,
    ...overrides,
  };
}

/** Fields of a one-hour appointment on `day` of March 2025 at `hour` London time. */
export function slot(title: string, day = 12, hour = 10, extra: Partial<ItemFields> = {}): ItemFields {
  const date = `2025-03-${String(day).padStart(2, '0')}`;
  return {
    title,
    description: '',
    location: '',
    start: instantAt(`${date}T${String(hour).padStart(2, '0')}:00`, zone),
    end: instantAt(`${date}T${String(hour + 1).padStart(2, '0')}:00`, zone),
    ...extra,
  };
}

/** Sched, a calendar, a state DB and an engine that share one fake clock. */
export function world(
  options: {
    settings?: Partial<PlanSettings>;
    rejectOverlaps?: boolean;
    db?: StateDb;
    /** `known`: the calendar's feed reports deletions only of ids its cursor knew (Graph's delta). */
    externalDeletions?: 'all' | 'known';
  } = {},
) {
  let tick = 0;
  const time = { now: new Date('2025-03-10T12:00:00.000Z') };
  const clock = (): string => new Date(time.now.getTime() + tick++ * 1000).toISOString();
  const sched = new MemoryProvider({
    side: 'sched',
    clock,
    zone,
    ...(options.rejectOverlaps === undefined ? {} : { rejectOverlaps: options.rejectOverlaps }),
  });
  const external = new MemoryProvider({
    side: 'external',
    clock,
    zone,
    ...(options.externalDeletions ? { reportsDeletions: options.externalDeletions } : {}),
  });
  const db = options.db ?? openStateDb(':memory:', { clock: () => time.now });
  const events: EngineEvent[] = [];
  const engine = new Engine({ db, now: () => time.now, log: (event) => events.push(event) });
  const connection: EngineConnection = {
    calendarId: 'room-a@example.com',
    resourceId: 'res-1',
    resourceTimezone: zone,
    calendarService: 'google',
    settings: settings(options.settings),
    sched,
    external,
  };
  return { sched, external, db, engine, connection, events, time };
}

/** Titles of the live items of a provider, sorted. */
export function titles(provider: MemoryProvider): string[] {
  return provider
    .live()
    .map((item) => item.title)
    .sort();
}

/** Remote writes a provider has received so far. */
export function writes(provider: MemoryProvider): number {
  return provider.requests.create + provider.requests.update + provider.requests.delete;
}
