/**
 * The keychain's availability as the status line shows it: a cached answer, refreshed in the background, so
 * `status` (which clients poll) never waits on the keychain after the first answer, and polling it never adds
 * keychain traffic.
 */

export interface CachedAvailabilityOptions {
  /** How old an answer may be before a status read starts a fresh probe; one minute unless told. */
  maxAgeMs?: number;
  now?: () => number;
}

/** A probe's last answer, refreshed when stale. */
export class CachedAvailability {
  private value: boolean | null = null;
  private checkedAt = 0;
  private probing: Promise<boolean> | null = null;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly probe: () => Promise<boolean>,
    options: CachedAvailabilityOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The last answer; the first call waits for the first probe, later ones never wait. */
  async current(): Promise<boolean> {
    if (this.value === null) return this.refresh();
    if (this.now() - this.checkedAt > this.maxAgeMs) void this.refresh();
    return this.value;
  }

  /** Probes now (at most one probe at a time) and keeps the answer; a failing probe counts as unavailable. */
  refresh(): Promise<boolean> {
    this.probing ??= this.probe()
      .catch(() => false)
      .then((value) => {
        this.value = value;
        this.checkedAt = this.now();
        this.probing = null;
        return value;
      });
    return this.probing;
  }
}
