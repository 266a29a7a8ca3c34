/**
 * Feeds the notice memory: after every live event that can change what needs the person, it reads the agent's
 * state once and hands each new notification on (to the live events and the desktop). Reads are one at a time; a
 * burst of events during a read costs one more read, not one per event.
 */
import type { AgentNotice } from '../../preload/contract';
import type { AgentEvent } from './event-bus';
import { NoticeMemory, type NoticeSnapshot } from './notice-memory';

export interface NoticeWatcherDeps {
  /** The agent's connections and open conflicts now. */
  snapshot(): Promise<NoticeSnapshot>;
  /** The "Show notifications" setting, read at each decision so turning it off applies at once. */
  enabled(): boolean;
  /** Shows one notification. */
  emit(notice: AgentNotice): void;
  log?(line: Record<string, unknown>): void;
}

/** The events after which the state is read again (not its own `notification`, nor a run merely starting). */
const watched = new Set<AgentEvent['type']>(['status', 'run-finished', 'conflict', 'account']);

/** Decides and hands on notifications as the agent's state changes. */
export class NoticeWatcher {
  private readonly memory = new NoticeMemory();
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: NoticeWatcherDeps) {}

  /** For the event bus: reads the state again after an event that may change it. */
  readonly onEvent = (event: AgentEvent): void => {
    if (watched.has(event.type)) void this.check();
  };

  /** Reads the state and hands on what is new; resolves when the reads asked for so far are done. */
  check(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.loop().finally(() => (this.reading = null));
    return this.reading;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const notices = this.memory.next(await this.deps.snapshot());
        // Remembered even when switched off: turning them on later does not replay what was already there.
        if (!this.deps.enabled()) continue;
        for (const notice of notices) this.deps.emit(notice);
      } catch (error) {
        this.deps.log?.({ msg: 'notifications: could not read the agent state', error: String(error) });
      }
    } while (this.again);
  }
}
