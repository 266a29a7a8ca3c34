/**
 * `POST /v1.0/$batch`: up to 20 requests run in-process against the same routes. Requests without
 * `dependsOn` run in parallel, so each holds a mailbox slot at the same time and the fifth for one mailbox
 * gets 429 inside the batch, as Outlook does; with `dependsOn` they run one after another and a request
 * whose dependency failed gets 424. https://learn.microsoft.com/graph/json-batching
 */
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { badRequest, graphError, stampErrorDate } from './errors';
import { runHandler } from './guard';
import { json } from './route-kit';
import type { GraphHandler, GraphRoute } from './route-kit';
import { matchRoute } from './router';
import type { MailboxThrottle } from './throttle';

const MAX_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface BatchDeps {
  routes: () => GraphRoute[];
  throttle: MailboxThrottle;
  now: () => Date;
  latencyMs: number;
}

const CANONICAL: Record<string, string> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  etag: 'ETag',
  location: 'Location',
  'preference-applied': 'Preference-Applied',
  'www-authenticate': 'WWW-Authenticate',
  'request-id': 'request-id',
};

function parseItems(body: unknown): BatchItem[] | SandboxResponse {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return badRequest('Invalid batch payload format.', 'BadRequest');
  if (requests.length > MAX_REQUESTS) {
    return badRequest(`Number of batch requests exceeds the maximum of ${MAX_REQUESTS}.`, 'BadRequest');
  }
  const items: BatchItem[] = [];
  for (const raw of requests as Array<Record<string, unknown>>) {
    if (
      typeof raw?.id !== 'string' ||
      raw.id === '' ||
      typeof raw.method !== 'string' ||
      typeof raw.url !== 'string'
    ) {
      return badRequest('Each batch request needs an id, a method and a url.', 'BadRequest');
    }
    if (items.some((i) => i.id === raw.id))
      return badRequest(`Batch request id '${raw.id}' is used twice.`, 'BadRequest');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((raw.headers as Record<string, unknown>) ?? {}))
      headers[k.toLowerCase()] = String(v);
    items.push({
      id: raw.id,
      method: raw.method.toUpperCase(),
      url: raw.url,
      headers,
      body: raw.body,
      dependsOn: Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [],
    });
  }
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (!items.some((i) => i.id === dep))
        return badRequest(`Batch request '${item.id}' depends on unknown '${dep}'.`, 'BadRequest');
    }
  }
  return items;
}

/** Execution order: array order, each request after the ones it depends on; null on a cycle. */
function ordered(items: BatchItem[]): BatchItem[] | null {
  const done = new Set<string>();
  const out: BatchItem[] = [];
  while (out.length < items.length) {
    const next = items.find((i) => !done.has(i.id) && i.dependsOn.every((d) => done.has(d)));
    if (!next) return null;
    done.add(next.id);
    out.push(next);
  }
  return out;
}

function toBatchResponse(id: string, res: SandboxResponse): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[CANONICAL[k.toLowerCase()] ?? k] = v;
  return { id, status: res.status, headers, ...(res.body === undefined ? {} : { body: res.body }) };
}

/** The `$batch` route; `deps.routes` is read lazily because it includes this route's own siblings. */
export function batchRoute(deps: BatchDeps): GraphRoute {
  const prepare = (
    outer: SandboxRequest,
    item: BatchItem,
  ): { handler: GraphHandler; req: SandboxRequest } | SandboxResponse => {
    // The SDK's BatchRequestContent strips only scheme and host from a Request's URL, so a request built
    // against `<url>/graph/v1.0/me` arrives as `/graph/v1.0/me`: accept the version (and mount) prefix.
    const relative = item.url.replace(/^\/+/, '').replace(/^(graph\/)?v1\.0\//i, '');
    if (/^https?:/i.test(relative) || /^beta\//i.test(relative)) {
      return badRequest(
        'Batch request urls must be relative to the version root, e.g. /me/events.',
        'BadRequest',
      );
    }
    if (relative.startsWith('$batch'))
      return badRequest('A batch cannot contain another batch.', 'BadRequest');
    const url = new URL(`${outer.url.origin}/graph/v1.0/${relative}`);
    const path = url.pathname.replace(/^\/graph/, '');
    const match = matchRoute(deps.routes(), item.method, path);
    if (match === null)
      return badRequest(
        `Resource not found for the segment '${relative.split(/[/?]/)[1] ?? relative}'.`,
        'BadRequest',
      );
    if (match === 'method')
      return graphError(
        405,
        'BadRequest',
        `The HTTP method '${item.method}' is not allowed for this resource.`,
      );
    if (item.body !== undefined && !item.headers['content-type']) {
      return badRequest(
        `Write request id : ${item.id} does not contain Content-Type header or body.`,
        'BadRequest',
      );
    }
    let body = item.body;
    if (typeof body === 'string' && /json/i.test(item.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(body) as unknown;
      } catch {
        return badRequest(`The body of batch request '${item.id}' is not valid JSON.`, 'BadRequest');
      }
    }
    const req: SandboxRequest = {
      method: item.method,
      url,
      path,
      params: match.params,
      query: url.searchParams,
      headers: { ...outer.headers, ...item.headers, authorization: outer.headers.authorization },
      body,
      rawBody: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
    };
    return { handler: match.route.handler, req };
  };

  const run = async (outer: SandboxRequest, user: string, item: BatchItem): Promise<SandboxResponse> => {
    const prepared = prepare(outer, item);
    if (!('handler' in prepared)) return prepared;
    return runHandler(prepared.handler, prepared.req, user, deps.now);
  };

  const pause = (): Promise<void> =>
    deps.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, deps.latencyMs)) : Promise.resolve();

  return {
    method: 'POST',
    pattern: '/v1.0/$batch',
    handler: async (req, user) => {
      const items = parseItems(req.body);
      if (!Array.isArray(items)) return items;
      const responses = new Map<string, SandboxResponse>();
      if (items.every((i) => i.dependsOn.length === 0)) {
        // All at once: take every slot first, as parallel execution would, then run.
        const admitted = items.filter((item) => {
          const refused = deps.throttle.acquire(user);
          if (refused) responses.set(item.id, stampErrorDate(refused, deps.now()));
          return !refused;
        });
        try {
          await pause();
          for (const item of admitted) responses.set(item.id, await run(req, user, item));
        } finally {
          for (let i = 0; i < admitted.length; i++) deps.throttle.release(user);
        }
      } else {
        const order = ordered(items);
        if (!order) return badRequest('The dependsOn graph of the batch has a cycle.', 'BadRequest');
        for (const item of order) {
          const failed = item.dependsOn.find((d) => (responses.get(d)?.status ?? 500) >= 400);
          if (failed) {
            responses.set(
              item.id,
              stampErrorDate(
                graphError(
                  424,
                  'FailedDependency',
                  `Request '${failed}' that this request depends on failed.`,
                ),
                deps.now(),
              ),
            );
            continue;
          }
          const refused = deps.throttle.acquire(user);
          if (refused) {
            responses.set(item.id, stampErrorDate(refused, deps.now()));
            continue;
          }
          try {
            await pause();
            responses.set(item.id, await run(req, user, item));
          } finally {
            deps.throttle.release(user);
          }
        }
      }
      return json(200, { responses: items.map((i) => toBatchResponse(i.id, responses.get(i.id)!)) });
    },
  };
}
