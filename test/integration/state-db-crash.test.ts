import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb } from '../../main/store/state-db';
import { createPayload } from '../unit/store/outbox-payload';

const writer = join(import.meta.dirname, 'fixtures', 'state-db-crash-writer.ts');

/** Runs the writer under `npx tsx`, SIGKILLs it once it reports it is inside the open batch, and waits for it. */
async function killWriterMidWrite(dbPath: string): Promise<string[]> {
  const child = spawn('npx', ['tsx', writer, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const phases: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as { pid: number; phase: string };
    phases.push(message.phase);
    // npx and tsx may sit between us and the writer; kill the writer itself, as a crash would.
    if (message.phase === 'mid-write') {
      process.kill(message.pid, 'SIGKILL');
      break;
    }
  }
  await exited;
  if (!phases.includes('mid-write')) throw new Error(`The writer never reached its batch: ${stderr}`);
  return phases;
}

describe('state DB after kill -9 mid-write', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reopens consistent, keeps what was committed, drops the open batch and shows the intent unfinished', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sched-sync-crash-'));
    const path = join(dir, 'state.db');

    const phases = await killWriterMidWrite(path);
    const walBytes = statSync(`${path}-wal`).size;
    const db = openStateDb(path);

    try {
      expect(phases).toEqual(['intent-recorded', 'mid-write']);
      // The uncommitted batch had spilled into the WAL (hundreds of KB) when the process died.
      expect(walBytes).toBeGreaterThan(256 * 1024);
      expect(db.check()).toEqual([]);
      expect(db.links.list('cal-1').map((l) => l.bookingId)).toEqual(['b0']);
      expect(db.outbox.byKey('create-b0')?.outcome).toBe('done');
      expect(db.outbox.unfinished()).toMatchObject([
        {
          idempotencyKey: 'create-b1',
          side: 'external',
          operation: 'create',
          bookingId: 'b1',
          payload: createPayload('Dental checkup', 'create-b1'),
          finishedAt: null,
        },
      ]);
    } finally {
      db.close();
    }
  });

  it('lets the engine finish the recovered intent and record its link after the restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sched-sync-crash-'));
    const path = join(dir, 'state.db');
    await killWriterMidWrite(path);
    const db = openStateDb(path);

    try {
      const [intent] = db.outbox.unfinished('cal-1');
      db.transaction(() => {
        db.links.upsert({
          connectionId: 'cal-1',
          bookingId: 'b1',
          eventId: 'e1',
          schedVersion: '1',
          externalEtag: '"1"',
          schedHash: 'h1',
          externalHash: 'h1',
        });
        db.outbox.markDone(intent!.id);
      });

      expect(db.outbox.unfinished()).toEqual([]);
      expect(db.links.list('cal-1').map((l) => l.bookingId)).toEqual(['b0', 'b1']);
    } finally {
      db.close();
    }
  });
});
