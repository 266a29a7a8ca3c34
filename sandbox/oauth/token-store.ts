/**
 * oidc-provider's storage: one plain-JSON store per issuer, so grants, tokens, sessions and interactions
 * survive a sandbox restart through `snapshot()`/`restore()`. The adapter contract is oidc-provider's
 * (upsert/find/findByUid/findByUserCode/consume/destroy/revokeByGrantId).
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** One stored artifact: oidc-provider's payload and when it stops existing (ms since epoch, or null). */
export interface StoredEntry {
  payload: AdapterPayload;
  expiresAt: number | null;
}

/** The whole store as JSON: model name → id → entry. */
export type TokenStoreData = Record<string, Record<string, StoredEntry>>;

/** Models whose entries belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

/** In-memory, JSON-serialisable storage behind one oidc-provider instance. */
export class TokenStore {
  private data: TokenStoreData = {};

  constructor(
    private readonly nowMs: () => number,
    private readonly onChange: () => void,
  ) {}

  /** The factory oidc-provider takes as `adapter`: one adapter per model name. */
  adapterFactory(): (model: string) => Adapter {
    return (model) => this.adapterFor(model);
  }

  /** A deep copy of everything still alive. */
  toJSON(): TokenStoreData {
    this.prune();
    return structuredClone(this.data);
  }

  /** Replaces the contents with a snapshot written by `toJSON()`. */
  load(data: TokenStoreData | undefined): void {
    this.data = structuredClone(data ?? {});
    this.prune();
  }

  /** Live payloads of one model, for look-ups oidc-provider has no query for (e.g. grants by account). */
  entries(model: string): Array<[string, AdapterPayload]> {
    const table = this.data[model] ?? {};
    return Object.entries(table)
      .filter(([, entry]) => this.alive(entry))
      .map(([id, entry]) => [id, entry.payload]);
  }

  /** Removes the entries of one model that match, e.g. a person's sessions when their access is revoked. */
  removeWhere(model: string, match: (payload: AdapterPayload) => boolean): void {
    const table = this.data[model];
    if (!table) return;
    const doomed = Object.keys(table).filter((id) => match(table[id]!.payload));
    for (const id of doomed) delete table[id];
    if (doomed.length > 0) this.onChange();
  }

  /** Removes every artifact that belongs to a grant (what oidc-provider's revokeByGrantId means). */
  revokeByGrantId(grantId: string): void {
    let removed = false;
    for (const model of GRANT_MEMBERS) {
      const table = this.data[model];
      if (!table) continue;
      for (const [id, entry] of Object.entries(table)) {
        if (entry.payload.grantId === grantId) {
          delete table[id];
          removed = true;
        }
      }
    }
    if (removed) this.onChange();
  }

  private adapterFor(model: string): Adapter {
    const table = (): Record<string, StoredEntry> => (this.data[model] ??= {});
    const find = (id: string): AdapterPayload | undefined => {
      const entry = table()[id];
      return entry && this.alive(entry) ? structuredClone(entry.payload) : undefined;
    };
    const findWhere = (match: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
      const entry = Object.values(table()).find(
        (candidate) => this.alive(candidate) && match(candidate.payload),
      );
      return entry ? structuredClone(entry.payload) : undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        const expiresAt = typeof expiresIn === 'number' ? this.nowMs() + expiresIn * 1000 : null;
        table()[id] = { payload: structuredClone(payload), expiresAt };
        this.onChange();
      },
      find: async (id) => find(id),
      findByUid: async (uid) => findWhere((payload) => payload.uid === uid),
      findByUserCode: async (userCode) => findWhere((payload) => payload.userCode === userCode),
      consume: async (id) => {
        const entry = table()[id];
        if (!entry) return;
        entry.payload.consumed = Math.floor(this.nowMs() / 1000);
        this.onChange();
      },
      destroy: async (id) => {
        if (!(id in table())) return;
        delete table()[id];
        this.onChange();
      },
      revokeByGrantId: async (grantId) => this.revokeByGrantId(grantId),
    };
  }

  private alive(entry: StoredEntry): boolean {
    return entry.expiresAt === null || entry.expiresAt > this.nowMs();
  }

  private prune(): void {
    for (const table of Object.values(this.data)) {
      for (const [id, entry] of Object.entries(table)) {
        if (!this.alive(entry)) delete table[id];
      }
    }
  }
}
