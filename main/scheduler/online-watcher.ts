/**
 * Notices when the network comes back, so a sync can run at once instead of at the next tick. The check itself is
 * injected: Electron's `net.isOnline()` in the desktop app, a look at the network interfaces headless.
 */
import { networkInterfaces } from 'node:os';

export interface OnlineWatcherOptions {
  isOnline: () => boolean;
  onBackOnline: () => void;
  /** How often to look (default 30 s). */
  intervalMs?: number;
}

/** True when some interface other than loopback has an address: a cheap, offline-safe guess at "online". */
export function hasNetworkInterface(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((a) => !a.internal));
}

/** Polls `isOnline` and calls `onBackOnline` on each offline → online change; returns the stop function. */
export function watchOnline(options: OnlineWatcherOptions): () => void {
  let online = options.isOnline();
  const timer = setInterval(() => {
    const now = options.isOnline();
    if (now && !online) options.onBackOnline();
    online = now;
  }, options.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
