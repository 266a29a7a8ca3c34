/**
 * Sched's availability exceptions of one resource (shared/API.md §3, "Availability exceptions"): list pages and
 * change feeds, read, create with an `Idempotency-Key`, update with `If-Match`, cancel. Statuses the operations
 * expect become the port's typed errors, as for bookings.
 */
import { CursorExpiredError, NotFoundError } from '../port';
import { ifMatchHeader, keyReused, versionOrAbsence } from './sched-bookings-client';
import { SchedRequestError } from './sched-errors';
import { idempotencyHeader, type SchedHttp } from './sched-http';
import type { ExceptionListQuery, ExceptionPage, SchedException, SchedExceptionWrite } from './sched-wire';

/** The availability exceptions of one Sched resource, over the account's `SchedHttp`. */
export class SchedExceptionsClient {
  private readonly base: string;

  constructor(
    readonly http: SchedHttp,
    resourceId: string,
  ) {
    this.base = `/resources/${encodeURIComponent(resourceId)}/availability/exceptions`;
  }

  /** HTTP requests sent through this client's `SchedHttp`, every retry counted. */
  requestCount(): number {
    return this.http.requestCount();
  }

  /** One page of the list or change feed; a stale `sync_token` (410) is `CursorExpiredError`. */
  listPage(query: ExceptionListQuery): Promise<ExceptionPage> {
    return this.http.send<ExceptionPage>('list availability exceptions', {
      method: 'GET',
      path: this.base,
      query: { ...query },
      special: (error) => (error.status === 410 ? new CursorExpiredError('Sched') : undefined),
    });
  }

  /** Every page, and the `next_sync_token` of the last one. */
  async listAll(query: ExceptionListQuery): Promise<{ exceptions: SchedException[]; nextSyncToken: string }> {
    const exceptions: SchedException[] = [];
    let page: ExceptionPage;
    let pageToken: string | undefined;
    do {
      page = await this.listPage(pageToken ? { ...query, page_token: pageToken } : query);
      exceptions.push(...(page.exceptions ?? []));
      pageToken = page.next_page_token ?? undefined;
    } while (pageToken);
    if (!page.next_sync_token) {
      throw new SchedRequestError(
        'list availability exceptions',
        200,
        undefined,
        'the last page had no next_sync_token',
      );
    }
    return { exceptions, nextSyncToken: page.next_sync_token };
  }

  /** One exception, cancelled ones included; `null` when the resource has no such exception. */
  async get(id: string): Promise<SchedException | null> {
    try {
      return await this.http.send<SchedException>('read an availability exception', {
        method: 'GET',
        path: `${this.base}/${encodeURIComponent(id)}`,
        special: (error) => (error.status === 404 ? new NotFoundError(id) : undefined),
      });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /**
   * `POST` with an `Idempotency-Key`: a retry returns the exception the first call made. 422 `idempotency_key_reused`
   * is `KeyReusedError`.
   */
  create(body: SchedExceptionWrite, idempotencyKey: string): Promise<SchedException> {
    return this.http.send<SchedException>('create an availability exception', {
      method: 'POST',
      path: this.base,
      body,
      headers: { 'idempotency-key': idempotencyHeader(idempotencyKey) },
      special: (error) => keyReused(error, idempotencyKey),
    });
  }

  /** `PUT` with `If-Match: <version>`; 412 is `PreconditionFailedError`, 404 `NotFoundError`. */
  update(id: string, body: SchedExceptionWrite, ifMatch: string): Promise<SchedException> {
    return this.http.send<SchedException>('update an availability exception', {
      method: 'PUT',
      path: `${this.base}/${encodeURIComponent(id)}`,
      body,
      headers: { 'if-match': ifMatchHeader(ifMatch) },
      special: (error) => versionOrAbsence(error, id),
    });
  }

  /** `DELETE`: Sched keeps the exception as `cancelled` and returns it. */
  cancel(id: string, ifMatch?: string): Promise<SchedException> {
    return this.http.send<SchedException>('cancel an availability exception', {
      method: 'DELETE',
      path: `${this.base}/${encodeURIComponent(id)}`,
      headers: ifMatch ? { 'if-match': ifMatchHeader(ifMatch) } : {},
      special: (error) => versionOrAbsence(error, id),
    });
  }
}
