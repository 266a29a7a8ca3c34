/**
 * Opaque sync and page tokens. A sync token remembers the change number a list saw; it expires when the
 * state is re-seeded (new epoch) or when it is older than the retention, and then the client must do a
 * full sync, as Google's guide asks: https://developers.google.com/calendar/api/guides/sync#full_sync_required_by_server
 */

/** What a sync token carries. */
export interface SyncTokenData {
  epoch: string;
  calendarId: string;
  seq: number;
  issuedMs: number;
}

/** What a page token carries: where the next page starts and what the first page saw. */
export interface PageTokenData {
  /** Sort key of the last item sent. */
  after: string;
  /** Change number when the first page was read; the last page's nextSyncToken starts there. */
  seq: number;
  /** Fingerprint of the query, so a token cannot be reused for another list. */
  query: string;
}

function encode(prefix: string, value: unknown): string {
  return prefix + Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(prefix: string, token: string): Record<string, unknown> | null {
  if (!token.startsWith(prefix)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token.slice(prefix.length), 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An opaque sync token. */
export function encodeSyncToken(data: SyncTokenData): string {
  return encode('CP', data);
}

/** The token's data, or null when it is not one of ours. */
export function decodeSyncToken(token: string): SyncTokenData | null {
  const value = decode('CP', token);
  if (
    !value ||
    typeof value.epoch !== 'string' ||
    typeof value.calendarId !== 'string' ||
    typeof value.seq !== 'number' ||
    typeof value.issuedMs !== 'number'
  ) {
    return null;
  }
  return value as unknown as SyncTokenData;
}

/** An opaque page token. */
export function encodePageToken(data: PageTokenData): string {
  return encode('EP', data);
}

/** The token's data, or null when it is not one of ours. */
export function decodePageToken(token: string): PageTokenData | null {
  const value = decode('EP', token);
  if (
    !value ||
    typeof value.after !== 'string' ||
    typeof value.seq !== 'number' ||
    typeof value.query !== 'string'
  ) {
    return null;
  }
  return value as unknown as PageTokenData;
}
