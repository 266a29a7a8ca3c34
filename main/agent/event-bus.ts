/**
 * Live events for the UI (SSE over HTTP, IPC events in Electron): run progress, status changes, and the
 * notifications the agent raised (`notification`, an AgentNotice).
 */
export interface AgentEvent {
  type: 'status' | 'run-started' | 'run-finished' | 'conflict' | 'account' | 'mode' | 'notification';
  data: unknown;
}

type Listener = (event: AgentEvent) => void;

/** A tiny publish/subscribe; a failing listener never breaks the publisher or the other listeners. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AgentEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener (a closed stream) must not stop the others.
      }
    }
  }
}
