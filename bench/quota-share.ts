/**
 * How much of a per-minute quota a stream of requests used once past its first minute: Google counts 600 requests
 * per user per sliding minute, so every 60-second window that lies wholly inside the run is read (one starting each
 * second) and the share is their mean count over the quota. Null when the run was too short to hold one window.
 */

/** The mean share of `quota` used per sliding minute over `sentAt` (ms), and the busiest window's share. */
export function sustainedShare(
  sentAt: readonly number[],
  quota = 600,
  windowMs = 60_000,
): { mean: number; max: number; windows: number } | null {
  if (sentAt.length === 0) return null;
  const times = [...sentAt].sort((a, b) => a - b);
  const first = times[0]!;
  const last = times.at(-1)!;
  if (last - first < windowMs) return null;
  const counts: number[] = [];
  for (let start = first; start + windowMs <= last; start += 1_000) {
    counts.push(times.filter((t) => t >= start && t < start + windowMs).length);
  }
  const mean = counts.reduce((sum, count) => sum + count, 0) / counts.length;
  return {
    mean: Math.round((mean / quota) * 1000) / 1000,
    max: Math.round((Math.max(...counts) / quota) * 1000) / 1000,
    windows: counts.length,
  };
}
