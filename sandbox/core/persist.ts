/**
 * Keeps the services' state in `<data>/state.json` so a sandbox restarted on the same data dir carries on where
 * it stopped. Saves are debounced after `changed()` and forced on stop; each save writes a temp file and renames
 * it over the old one, so a crash mid-write leaves the previous state whole.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file's shape. `services` holds each service's `snapshot()` by service name. */
export interface PersistedState {
  version: 1;
  seed: 'demo' | 'empty';
  /** The port last listened on, tried first at the next start so saved URLs and token issuers keep working. */
  port?: number;
  services: Record<string, unknown>;
  /** Snapshots taken right after seeding, for `POST /sandbox/reset`. */
  seeded: Record<string, unknown>;
}

/** Reads and writes one data dir's state file. */
export class StateFile {
  readonly path: string;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly collect: () => PersistedState,
    private readonly debounceMs = 200,
  ) {
    this.path = join(dataDir, 'state.json');
  }

  /** The saved state, or undefined when this data dir has none yet. */
  async load(): Promise<PersistedState | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: PersistedState;
    try {
      parsed = JSON.parse(text) as PersistedState;
    } catch (error) {
      throw new Error(
        `${this.path} is not readable JSON (${(error as Error).message}); move it away to start from the seed again.`,
      );
    }
    if (parsed.version !== 1)
      throw new Error(`${this.path} has version ${String(parsed.version)}; expected 1.`);
    return parsed;
  }

  /** Asks for a save soon; many changes in a burst cost one write. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch((error: unknown) => {
        process.stderr.write(`sandbox: could not save ${this.path}: ${String(error)}\n`);
      });
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes the state now (after any write in progress) and cancels a pending debounced save. */
  async save(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const text = JSON.stringify(this.collect());
    const next = this.writing.then(() => this.writeAtomically(text));
    this.writing = next.catch(() => undefined);
    await next;
  }

  private async writeAtomically(text: string): Promise<void> {
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, this.path);
  }
}
