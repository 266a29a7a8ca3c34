import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../preload/contract';
import { SchedStatusReporter } from '../../../main/agent/sched-status-reporter';
import type { SchedDirectory, ServiceClients } from '../../../main/agent/ports';
import { openStateDb } from '../../../main/store';

/** A Sched directory that records status updates and refuses the next `failures` of them. */
function fakeSched(failures = 0) {
  const sent: SyncStatus[] = [];
  let left = failures;
  const directory = {
    updateCalendar: async (_id: string, input: { sync_status?: SyncStatus }) => {
      if (left > 0) {
        left -= 1;
        throw new Error('Sched could not be reached to update a connected calendar (ECONNREFUSED).');
      }
      sent.push(input.sync_status!);
    },
  } as unknown as SchedDirectory;
  const clients = { sched: async () => directory } as unknown as ServiceClients;
  return { sent, clients: () => clients };
}

function world(failures = 0) {
  const db = openStateDb(':memory:');
  db.connections.ensure('cal');
  const sched = fakeSched(failures);
  const lines: Record<string, unknown>[] = [];
  const reporter = new SchedStatusReporter(db, sched.clients, (line) => lines.push(line));
  const set = (status: SyncStatus) => db.connections.update('cal', { status });
  return { db, sched, reporter, set, lines };
}

describe('SchedStatusReporter', () => {
  it('sends nothing while the status is what Sched shows after registration', async () => {
    const { sched, reporter } = world();
    await reporter.report('cal');
    await reporter.report('cal');
    expect(sched.sent).toEqual([]);
  });

  it('sends each change once, including the way back to active', async () => {
    const { sched, reporter, set } = world();
    set('reauth_required');
    await reporter.report('cal');
    await reporter.report('cal');
    set('active');
    await reporter.report('cal');
    await reporter.report('cal');
    expect(sched.sent).toEqual(['reauth_required', 'active']);
  });

  it('sends a status Sched did not take again on the next report, and logs the failure', async () => {
    const { sched, reporter, set, lines } = world(1);
    set('error');
    await reporter.report('cal');
    await reporter.report('cal');
    await reporter.report('cal');
    expect(sched.sent).toEqual(['error']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ calendar_id: 'cal', sync_status: 'error' });
  });

  it('never tells Sched of a run in progress', async () => {
    const { sched, reporter, set } = world();
    set('syncing');
    await reporter.report('cal');
    expect(sched.sent).toEqual([]);
  });

  it('remembers what Sched was told across a restart (the state DB keeps it)', async () => {
    const { db, sched, set } = world();
    set('reauth_required');
    await new SchedStatusReporter(db, sched.clients).report('cal');
    await new SchedStatusReporter(db, sched.clients).report('cal');
    set('active');
    await new SchedStatusReporter(db, sched.clients).report('cal');
    expect(sched.sent).toEqual(['reauth_required', 'active']);
  });
});
