/**
 * The steps of an agent-model story — what a person does in Sched, in a calendar and in the agent, and what happens
 * to the world (time passes, a crash, a lost state DB, an expired cursor, a revoked sign-in, another device taking a
 * calendar over) — their generator and their one-line descriptions, so a shrunk failure reads as a story.
 */
import fc from 'fast-check';
import type { SyncSettingsPatch } from '../../../preload/contract';
import type { CrashPlan } from './fake-services';
import { calendars, resourceIds } from './world';

export type SideName = 'sched' | 'external';
export type ConnectSettings = Pick<
  SyncSettingsPatch,
  'direction' | 'conflict_resolution' | 'sync_frequency' | 'inbound_as'
>;
/** How an event a person adds shows its owner's time (SYNC.md, "Availability"); Sched items ignore it. */
export type Shows = 'busy' | 'free' | 'declined';

/** One step of a story. `pick` numbers choose among what exists when the step runs (modulo its count). */
export type Step =
  | { kind: 'add'; side: SideName; where: number; title: string; day: number; hour: number; shows?: Shows }
  | { kind: 'edit'; side: SideName; pick: number; title: string }
  | { kind: 'move'; side: SideName; pick: number; day: number; hour: number }
  | { kind: 'delete'; side: SideName; pick: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'connect'; calendar: number; resource: number; settings: ConnectSettings }
  | { kind: 'disconnect'; pick: number }
  | { kind: 'remap'; pick: number; resource: number }
  | { kind: 'setting'; pick: number; patch: SyncSettingsPatch }
  | { kind: 'sync'; pick: number | null; crash: CrashPlan | null }
  | { kind: 'preview'; pick: number }
  | { kind: 'undo'; pick: number }
  | { kind: 'resolve'; pick: number; choice: 0 | 1 }
  | { kind: 'review'; pick: number; decision: 'apply' | 'cancel' }
  | { kind: 'expire-cursor'; side: SideName; where: number }
  | { kind: 'lose-state' }
  | { kind: 'revoke'; service: 'google' | 'microsoft' }
  | { kind: 'renew'; service: 'google' | 'microsoft'; how: 'sign-in' | 'token' }
  | { kind: 'pause'; pick: number | null; paused: boolean }
  | { kind: 'device'; pick: number; takes: 'other' | 'back' }
  | { kind: 'settle' };

const side = fc.constantFrom<SideName>('sched', 'external');
const title = fc.constantFrom('Standup', 'Review', 'Lunch', 'Dentist', 'Physio');
/**
 * Step kinds left out (AGENT_MODEL_WITHOUT=remap,undo), to look past a known bug for the next one; `far` leaves out
 * days beyond the window.
 */
const without = new Set((process.env.AGENT_MODEL_WITHOUT ?? '').split(',').filter(Boolean));
/** Mostly this week, some beyond the default window (30 days back, 180 ahead) so that time can bring them in. */
const day = without.has('far')
  ? fc.integer({ min: 0, max: 6 })
  : fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) },
      { weight: 1, arbitrary: fc.integer({ min: -40, max: 400 }) },
    );
/** Few hours, so that slots collide often (double bookings, moves onto a taken slot). */
const hour = fc.constantFrom(9, 10, 11, 14, 15);
const pick = fc.nat({ max: 20 });
/** Where a person adds an item: below 15, among the connected resources or calendars (when there are any). */
const where = fc.nat({ max: 20 });
const service = fc.constantFrom<'google' | 'microsoft'>('google', 'microsoft');
const direction = fc.constantFrom('two-way', 'sched-to-external', 'external-to-sched' as const);
const resolution = fc.constantFrom('prefer-sched', 'prefer-external', 'newest', 'manual' as const);
const frequency = fc.constantFrom('manual', '15min', '1h', '24h' as const);
const inboundAs = fc.constantFrom('bookings', 'busy' as const);
/** Mostly busy, as calendars are; free and declined events must block nothing. */
const shows = fc.constantFrom<Shows>('busy', 'busy', 'busy', 'free', 'declined');

const connectSettings: fc.Arbitrary<ConnectSettings> = fc.record({
  direction,
  conflict_resolution: resolution,
  sync_frequency: frequency,
  inbound_as: inboundAs,
});

const patch: fc.Arbitrary<SyncSettingsPatch> = fc.oneof(
  fc.record({ direction }),
  fc.record({ conflict_resolution: resolution }),
  fc.record({ privacy: fc.constantFrom('full', 'busy-only' as const) }),
  fc.record({ window_days_past: fc.constantFrom(0, 7, 30) }),
  fc.record({ window_days_future: fc.constantFrom(14, 180, 400) }),
  fc.record({ sync_frequency: frequency }),
  fc.record({ inbound_as: inboundAs }),
);

const crash: fc.Arbitrary<CrashPlan | null> = fc.option(
  fc.record({ after: fc.nat({ max: 4 }), when: fc.constantFrom<'before' | 'after'>('before', 'after') }),
  { nil: null, freq: 4 },
);

const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('add'), side, where, title, day, hour, shows }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit'), side, pick, title }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('move'), side, pick, day, hour }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete'), side, pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait'),
      minutes: fc.constantFrom(1, 20, 90, 6 * 60, 24 * 60, 7 * 24 * 60, 31 * 24 * 60, 92 * 24 * 60),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('connect'),
      calendar: pick,
      resource: pick,
      settings: connectSettings,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect'), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remap'), pick, resource: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('setting'), pick, patch }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('sync'), pick: fc.option(pick, { nil: null }), crash }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('preview'), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo'), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('resolve'), pick, choice: fc.constantFrom<0 | 1>(0, 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('review'),
      pick,
      decision: fc.constantFrom<'apply' | 'cancel'>('apply', 'cancel'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire-cursor'), side, where: pick }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'lose-state' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('revoke'), service }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('renew'),
      service,
      how: fc.constantFrom<'sign-in' | 'token'>('sign-in', 'token'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pause'),
      pick: fc.option(pick, { nil: null }),
      paused: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('device'),
      pick,
      takes: fc.constantFrom<'other' | 'back'>('other', 'back'),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'settle' as const }) },
);
/** Stories whose steps leave out the step kinds `left` (as AGENT_MODEL_WITHOUT does). */
export function storyArbWithout(left: ReadonlySet<string>): fc.Arbitrary<Step[]> {
  const step = left.size ? anyStep.filter((s) => !left.has(s.kind)) : anyStep;
  return fc
    .tuple(
      fc.record({
        kind: fc.constant('connect' as const),
        calendar: pick,
        resource: pick,
        settings: connectSettings,
      }),
      fc.array(step, { minLength: 1, maxLength: 36, size: 'medium' }),
    )
    .map(([first, rest]) => readable([first, ...rest]));
}

/** A story: a first connection, then person and world steps; printed as a numbered step list. */
export const storyArb: fc.Arbitrary<Step[]> = storyArbWithout(without);

/** Gives a step list a `toString` fast-check uses when it reports a counterexample. */
export function readable(steps: Step[]): Step[] {
  return Object.assign(steps, { [fc.toStringMethod]: () => `\n${story(steps)}\n` });
}

/** The story as numbered lines. */
export function story(steps: readonly Step[]): string {
  return steps.map((s, i) => `${String(i + 1).padStart(2)}. ${describe(s)}`).join('\n');
}

const cal = (n: number) => calendars[n % calendars.length]!.id;
const res = (n: number) => resourceIds[n % resourceIds.length]!;
const container = (s: SideName, n: number) => (s === 'sched' ? res(n) : cal(n));

/** One step in words (picks are shown as the numbers the step was generated with). */
export function describe(s: Step): string {
  switch (s.kind) {
    case 'add':
      return `person adds "${s.title}" on day ${s.day} at ${s.hour}:00 in ${s.side} place #${s.where}${s.side === 'external' && s.shows && s.shows !== 'busy' ? ` (${s.shows})` : ''}`;
    case 'edit':
      return `person renames ${s.side} item #${s.pick} to "${s.title}"`;
    case 'move':
      return `person moves ${s.side} item #${s.pick} to day ${s.day} at ${s.hour}:00`;
    case 'delete':
      return `person deletes ${s.side} item #${s.pick}`;
    case 'wait':
      return `${s.minutes} minutes pass`;
    case 'connect':
      return `connect ${cal(s.calendar)} to ${res(s.resource)} with ${JSON.stringify(s.settings)}`;
    case 'disconnect':
      return `disconnect connection #${s.pick}`;
    case 'remap':
      return `remap connection #${s.pick} to ${res(s.resource)}`;
    case 'setting':
      return `change connection #${s.pick}'s settings: ${JSON.stringify(s.patch)}`;
    case 'sync': {
      const what = s.pick === null ? 'sync all' : `sync connection #${s.pick}`;
      return s.crash ? `${what}, crashing ${s.crash.when} write ${s.crash.after + 1}` : what;
    }
    case 'preview':
      return `preview connection #${s.pick}, then sync it`;
    case 'undo':
      return `undo run #${s.pick}`;
    case 'resolve':
      return `resolve conflict #${s.pick} with its ${s.choice === 0 ? 'first' : 'second'} choice`;
    case 'review':
      return `${s.decision} the review of a connection waiting for one (#${s.pick})`;
    case 'expire-cursor':
      return `${container(s.side, s.where)}'s cursors expire`;
    case 'lose-state':
      return 'the state DB is lost';
    case 'revoke':
      return `the ${s.service} sign-in is revoked`;
    case 'renew':
      return `the person signs in to ${s.service} again (${s.how})`;
    case 'pause': {
      const which = s.pick === null ? 'every connection' : `connection #${s.pick}`;
      return `${s.paused ? 'pause' : 'resume'} ${which}`;
    }
    case 'device':
      return s.takes === 'other'
        ? `another device takes connection #${s.pick}'s calendar over in Sched`
        : `take connection #${s.pick}'s calendar back here (connect with takeover)`;
    case 'settle':
      return 'quiet runs: sync all twice, no faults';
  }
}

/** The calendar id and resource id a step names. */
export const names = { cal, res, container };
