/**
 * Sched's `Idempotency-Key`s as the sandbox keeps them (sandbox/sched/booking-store.ts): one key space per account
 * for bookings and one for availability exceptions, not one per resource, and each key remembers the request it
 * came with. The same key with the same request returns what the first made, as it is now (moved to another
 * resource, or cancelled); with another request it is refused, 422 `idempotency_key_reused` (`KeyReusedError`).
 */
import type { CreateRequest } from '../../../main/providers/port';
import { KeyReusedError } from '../../../main/providers/port';
import type { SyncItem } from '../../../main/sync';

/** What Sched's request body holds of a create: no location, the resource named. */
function requestOf(request: CreateRequest, resourceId: string): string {
  const { title, description, start, end } = request.fields;
  return JSON.stringify({
    resourceId,
    title,
    description,
    start,
    end,
    source: request.source ?? null,
    allowOverlap: request.allowOverlap === true,
  });
}

/** One of the account's key spaces. */
export class SchedKeySpace {
  private readonly keys = new Map<string, { id: string; request: string }>();

  /**
   * Creates through `make` under the request's key, or answers as Sched does for a key it has seen: `find` gives the
   * item the key made, wherever it is now. `reached` runs first on that path, as `make` does when it reaches the fake
   * (a network fault set on creates still fails the request).
   */
  async create(
    request: CreateRequest,
    resourceId: string,
    make: () => Promise<SyncItem>,
    find: (id: string) => SyncItem | null,
    reached: () => void,
  ): Promise<SyncItem> {
    const asked = requestOf(request, resourceId);
    const earlier = this.keys.get(request.idempotencyKey);
    if (earlier) {
      reached();
      if (earlier.request !== asked) throw new KeyReusedError(request.idempotencyKey);
      const found = find(earlier.id);
      if (found) return found;
    }
    const item = await make();
    this.keys.set(request.idempotencyKey, { id: item.id, request: asked });
    return item;
  }
}
