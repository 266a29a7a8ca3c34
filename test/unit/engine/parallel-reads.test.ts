import { describe, expect, it } from 'vitest';
import type { ListRequest, ListResult } from '../../../main/providers/port';
import { MemoryProvider } from '../../fakes/memory-provider';
import { slot, world } from './world';

/** A Sched whose list answers only once the calendar's list has started: sequential reads would never finish. */
class WaitingSched extends MemoryProvider {
  calendarListStarted!: () => void;
  private readonly started = new Promise<void>((resolve) => (this.calendarListStarted = resolve));

  override async listChanges(request: ListRequest): Promise<ListResult> {
    await this.started;
    return super.listChanges(request);
  }
}

class NotifyingCalendar extends MemoryProvider {
  onList: () => void = () => undefined;

  override listChanges(request: ListRequest): Promise<ListResult> {
    this.onList();
    return super.listChanges(request);
  }
}

describe('Engine reads', () => {
  it('reads Sched and the calendar at the same time', async () => {
    const { engine, connection, time } = world();
    const clock = () => time.now.toISOString();
    const sched = new WaitingSched({ side: 'sched', clock, zone: 'Europe/London' });
    const external = new NotifyingCalendar({ side: 'external', clock, zone: 'Europe/London' });
    external.onList = () => sched.calendarListStarted();
    sched.add(slot('Dentist'));

    const summary = await engine.run({ ...connection, sched, external });

    expect(summary).toMatchObject({ status: 'ok', created: { sched: 0, external: 1 }, requests: 3 });
  });
});
