/** Routes for a resource's availability exceptions, `/v1/resources/{id}/availability/exceptions` (API.md §3). */
import type { Route, SandboxContext, SandboxRequest, SandboxResponse } from '../core/types';
import { parseListQuery, readFeed } from './change-feed';
import { parseExceptionBody } from './exception-input';
import type { ExceptionStore } from './exception-store';
import type { AvailabilityException, SchedState } from './model';
import { idempotencyKey, parseIfMatch } from './write-kit';

/** What the exception routes need from the service. */
export interface ExceptionRoutesDeps {
  ctx: Pick<SandboxContext, 'now'>;
  state: () => SchedState;
  exceptions: ExceptionStore;
  syncTokenMaxAgeMs: number;
}

const BASE = '/v1/resources/:resource_id/availability/exceptions';

function exceptionResponse(
  status: number,
  exception: AvailabilityException,
  extra?: Record<string, string>,
): SandboxResponse {
  return { status, headers: { etag: `"${exception.version}"`, ...extra }, body: exception };
}

function ids(req: SandboxRequest): { resourceId: string; exceptionId: string } {
  return { resourceId: req.params.resource_id ?? '', exceptionId: req.params.exception_id ?? '' };
}

/** The availability exception routes, below the service prefix. */
export function exceptionRoutes(deps: ExceptionRoutesDeps): Route[] {
  const { ctx, state, exceptions } = deps;
  return [
    {
      method: 'GET',
      pattern: BASE,
      handler: (req) => {
        const { resourceId } = ids(req);
        exceptions.resource(resourceId);
        const current = state();
        const { items, ...tokens } = readFeed(
          current,
          {
            kind: 'exceptions',
            items: Object.values(current.exceptions),
            seqOf: (exception) => current.exception_changed_at_seq[exception.id] ?? 0,
          },
          parseListQuery(req.query, resourceId),
          { nowMs: ctx.now().getTime(), syncTokenMaxAgeMs: deps.syncTokenMaxAgeMs },
        );
        return { status: 200, body: { exceptions: items, ...tokens } };
      },
    },
    {
      method: 'POST',
      pattern: BASE,
      handler: (req) => {
        const { resourceId } = ids(req);
        exceptions.resource(resourceId);
        const key = idempotencyKey(req);
        const input = parseExceptionBody(req.body, 'create');
        const { exception, replayed } = exceptions.create(resourceId, input, req.body, key);
        return exceptionResponse(201, exception, replayed ? { 'idempotent-replayed': 'true' } : undefined);
      },
    },
    {
      method: 'GET',
      pattern: `${BASE}/:exception_id`,
      handler: (req) => {
        const { resourceId, exceptionId } = ids(req);
        return exceptionResponse(200, exceptions.get(resourceId, exceptionId));
      },
    },
    {
      method: 'PUT',
      pattern: `${BASE}/:exception_id`,
      handler: (req) => {
        const { resourceId, exceptionId } = ids(req);
        const expected = parseIfMatch(req.headers['if-match']);
        const input = parseExceptionBody(req.body, 'update');
        return exceptionResponse(200, exceptions.update(resourceId, exceptionId, input, expected));
      },
    },
    {
      method: 'DELETE',
      pattern: `${BASE}/:exception_id`,
      handler: (req) => {
        const { resourceId, exceptionId } = ids(req);
        const expected = parseIfMatch(req.headers['if-match']);
        return exceptionResponse(200, exceptions.cancel(resourceId, exceptionId, expected));
      },
    },
  ];
}
