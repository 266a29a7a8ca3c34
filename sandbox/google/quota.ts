/**
 * Google's per-user request quota ("Queries per minute per user"), a sliding one-minute window on the
 * sandbox clock. https://developers.google.com/calendar/api/guides/quota
 */

/** Counts each user's requests of the last minute. */
export class UserQuota {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Records a request and says whether it fits in the user's quota; refused requests are not counted. */
  take(user: string, nowMs: number): boolean {
    const windowStart = nowMs - 60_000;
    const times = (this.recent.get(user) ?? []).filter((time) => time > windowStart);
    const allowed = times.length < this.perMinute;
    if (allowed) times.push(nowMs);
    this.recent.set(user, times);
    return allowed;
  }

  /** Forgets all counts (used on reset). */
  clear(): void {
    this.recent.clear();
  }
}
