/** Scripted failures for the in-memory provider: "the next update answers 412", "the next list answers 410". */

/** The port operations a fault can be set on. */
export type ProviderOperation = 'list' | 'get' | 'create' | 'update' | 'delete';

/** A queue of errors per operation, each thrown once by the next call of that operation. */
export class FaultPlan {
  private readonly queued = new Map<ProviderOperation, Error[]>();

  /** The next call of `operation` throws `error` (queued after any already set). */
  failNext(operation: ProviderOperation, error: Error): void {
    const queue = this.queued.get(operation) ?? [];
    queue.push(error);
    this.queued.set(operation, queue);
  }

  /** Forgets every fault not yet thrown. */
  clear(): void {
    this.queued.clear();
  }

  /** Throws the next fault set for `operation`, if any. */
  throwIfSet(operation: ProviderOperation): void {
    const error = this.queued.get(operation)?.shift();
    if (error) throw error;
  }
}
