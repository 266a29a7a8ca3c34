/**
 * Cron expressions for `sync_frequency`, with a stable per-connection offset so that many connections do not all
 * call Google, Microsoft and Sched in the same second (node-cron's six-field form: second minute hour day month weekday).
 */
import type { SyncSettings } from '../../preload/contract';

export type SyncFrequency = SyncSettings['sync_frequency'];

/** A small stable hash, so a connection keeps its offset across restarts. */
export function stableOffset(key: string, modulo: number): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
  return hash % modulo;
}

/** The node-cron expression for a frequency, or null for `manual`. */
export function cronFor(frequency: SyncFrequency, key: string): string | null {
  const second = stableOffset(`${key}:s`, 60);
  const every = (minutes: number) => {
    const start = stableOffset(`${key}:m`, minutes);
    const list = Array.from({ length: 60 / minutes }, (_, i) => start + i * minutes);
    return `${second} ${list.join(',')} * * * *`;
  };
  switch (frequency) {
    case 'manual':
      return null;
    case '1min':
      // Every minute at the connection's own second: the jitter that keeps many agents from calling at once.
      return `${second} * * * * *`;
    case '5min':
      return every(5);
    case '15min':
      return every(15);
    case '30min':
      return every(30);
    case '1h':
      return `${second} ${stableOffset(`${key}:m`, 60)} * * * *`;
    case '6h':
      return `${second} ${stableOffset(`${key}:m`, 60)} ${stableOffset(`${key}:h`, 6)}-23/6 * * *`;
    case '24h':
      return `${second} ${stableOffset(`${key}:m`, 60)} ${stableOffset(`${key}:h`, 24)} * * *`;
  }
}
