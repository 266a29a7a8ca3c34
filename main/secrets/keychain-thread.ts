/**
 * Keychain calls on a worker thread, each with a deadline. The keyring library is synchronous underneath and can
 * hang (on Linux its D-Bus wait uses `select()`, which never returns once the process holds descriptors above
 * 1,024; a keychain prompt may never be answered). On the event loop or libuv's small thread pool such a call
 * freezes the whole agent; here it freezes one worker, the caller gets a clear error when the deadline passes, and
 * the next call starts a fresh worker.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KeychainUnavailableError } from './secret-store-errors';
import { keychainWorkerSource } from './keychain-worker-source';

/** One keychain operation, as the worker takes it. */
export interface KeychainRequest {
  op: 'read' | 'save' | 'delete';
  service: string;
  key: string;
  value?: string;
}

export interface KeychainThreadOptions {
  /** How long one call may take; 15 s unless told. */
  timeoutMs?: number;
  /** The keyring module the worker loads; tests give a stand-in that hangs. */
  keyringPath?: string;
  /** How long the worker stays after its last call; `defaultIdleMs` unless told. */
  idleMs?: number;
}

/** What the worker answered: the call's value, or the platform's message for a refusal. */
export type KeychainAnswer = { ok: true; value: string | boolean | null } | { ok: false; message: string };

interface Pending {
  resolve(answer: KeychainAnswer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const defaultTimeoutMs = 15_000;
/**
 * A worker with no call for this long ends, and the next call starts a fresh one (a few tens of milliseconds): an
 * idle worker holds its own V8 isolate and keyring connections between runs (a worker costs a Node process about
 * 13 MB here, and ending it gives back about 8), while a run's calls come much closer together than this.
 */
export const defaultIdleMs = 10_000;
/** Workers stuck in a call that never returned; past this many, calls fail at once instead of adding threads. */
const maxStuckWorkers = 4;
/**
 * The worker's own V8 heap: it holds one call's strings at a time (a token cache of a few kilobytes), but V8's
 * defaults let its young generation grow as large as the agent's. Past these it fails that one call and the next
 * call starts a fresh worker, as after any worker failure.
 */
const workerLimits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 };

/**
 * The unpacked copy of a file packed in the app's ASAR archive. electron-builder.yml unpacks the keyring package
 * whole, and loading it from there does not depend on ASAR support inside worker threads.
 */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** The message of a call that passed its deadline. */
export function keychainTimeoutMessage(timeoutMs: number): string {
  return (
    `The system keychain did not answer within ${timeoutMs / 1000} s. ` +
    'Unlock it (or restart GNOME Keyring or KWallet), then try again.'
  );
}

/** Runs keychain calls on a worker thread it starts on first use. */
export class KeychainThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stuck = 0;
  private readonly timeoutMs: number;
  private readonly keyringPath: string;
  private readonly idleMs: number;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: KeychainThreadOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.idleMs = options.idleMs ?? defaultIdleMs;
    this.keyringPath =
      options.keyringPath ?? outsideAsar(createRequire(import.meta.url).resolve('@napi-rs/keyring'));
  }

  /** Runs one call; rejects with `KeychainUnavailableError` when the keychain does not answer in time. */
  call(request: KeychainRequest): Promise<KeychainAnswer> {
    if (this.stuck >= maxStuckWorkers) return Promise.reject(this.timeoutError());
    this.stopIdleTimer();
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<KeychainAnswer>((resolve, reject) => {
      const timer = setTimeout(() => this.abandon(worker), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, ...request });
    });
  }

  /** Whether a worker is running (it ends once idle for `idleMs`). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Stops the worker; pending calls reject. */
  close(): void {
    this.stopIdleTimer();
    if (this.worker) void this.worker.terminate();
    this.worker = null;
    this.failAll(new KeychainUnavailableError('closed', 'The keychain connection was closed.'));
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(keychainWorkerSource, {
      eval: true,
      workerData: { keyringPath: this.keyringPath },
      resourceLimits: workerLimits,
    });
    worker.on('message', (message: { id: number } & KeychainAnswer) => {
      const call = this.pending.get(message.id);
      if (!call) return;
      this.pending.delete(message.id);
      clearTimeout(call.timer);
      if (this.pending.size === 0) this.endWhenIdle(worker);
      call.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, message: message.message });
    });
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new KeychainUnavailableError(`keychain worker failed: ${error.message}`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = null;
        this.failAll(new KeychainUnavailableError('keychain worker exited'));
      }
    });
    // The worker alone never keeps the process alive; a call's deadline timer does while it waits. (After the
    // listeners: adding a 'message' listener refs the worker's port again.)
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** With no call left: the worker ends after `idleMs` unless a call comes first. */
  private endWhenIdle(worker: Worker): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** A call passed its deadline: the worker may never come back, so every call on it fails and it is let go. */
  private abandon(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.stuck += 1;
    worker.once('exit', () => (this.stuck -= 1));
    void worker.terminate();
    this.failAll(this.timeoutError());
  }

  private failAll(error: Error): void {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      this.pending.delete(id);
      call.reject(error);
    }
  }

  private timeoutError(): KeychainUnavailableError {
    return new KeychainUnavailableError('timeout', keychainTimeoutMessage(this.timeoutMs));
  }
}
