/**
 * What every Graph route shares: the handler shape (the mailbox owner already resolved from the token),
 * JSON responses, `Prefer` header parsing, view options and `$skip` paging with absolute nextLinks.
 */
import type { SandboxRequest, SandboxResponse } from '../core/types';
import { fail } from './errors';
import type { ViewOptions } from './event-view';
import { parseExpand, parseSelect } from './odata-filter';
import { requireZone } from './time-zones';

/** A Graph route handler: the request and the mailbox owner its token names. */
export type GraphHandler = (req: SandboxRequest, user: string) => SandboxResponse | Promise<SandboxResponse>;

export interface GraphRoute {
  method: string;
  pattern: string;
  handler: GraphHandler;
}

/** A JSON response with Graph's content type. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
      ...headers,
    },
    body,
  };
}

/** The preferences of a `Prefer` header (repeated headers arrive joined with commas). */
export function preferences(req: SandboxRequest): {
  timeZone: string | null;
  maxPageSize: number | null;
  bodyType: 'html' | 'text' | null;
} {
  const header = req.headers.prefer;
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
  const zone =
    /outlook\.timezone\s*=\s*"([^"]*)"/i.exec(text) ?? /outlook\.timezone\s*=\s*([^,;]+)/i.exec(text);
  const size = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(text);
  const body = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(text);
  return {
    timeZone: zone ? zone[1]!.trim() : null,
    maxPageSize: size ? Number(size[1]) : null,
    bodyType: body ? (body[1]!.toLowerCase() as 'html' | 'text') : null,
  };
}

/** How this request wants events printed. */
export function viewOptions(req: SandboxRequest, owner: string): ViewOptions {
  const { timeZone, bodyType } = preferences(req);
  return {
    owner,
    bodyType: bodyType ?? 'html',
    zone: timeZone ? { name: timeZone, iana: requireZone(timeZone) } : null,
    expand: parseExpand(req.query.get('$expand')),
    select: parseSelect(req.query.get('$select')),
  };
}

/** Headers that confirm which preferences were applied. */
export function appliedHeaders(req: SandboxRequest, pageSize?: number): Record<string, string> {
  const { timeZone, bodyType } = preferences(req);
  const applied: string[] = [];
  if (timeZone) applied.push(`outlook.timezone="${timeZone}"`);
  if (bodyType) applied.push(`outlook.body-content-type="${bodyType}"`);
  if (pageSize !== undefined) applied.push(`odata.maxpagesize=${pageSize}`);
  return applied.length > 0 ? { 'preference-applied': applied.join(', ') } : {};
}

/** Builds an absolute link to the same path with different query parameters (`$` kept literal, as Graph prints). */
export function linkTo(req: SandboxRequest, params: Array<[string, string]>): string {
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${req.url.origin}${req.url.pathname}${query ? `?${query}` : ''}`;
}

/**
 * One `$skip` page of a list. Page size: `$top` (1..1000), else `Prefer: odata.maxpagesize`, else 10,
 * Graph's default for event collections.
 */
export function page<T>(
  req: SandboxRequest,
  items: T[],
): { value: T[]; nextLink: string | null; size: number } {
  const top = req.query.get('$top');
  const skip = Number(req.query.get('$skip') ?? '0');
  if (!Number.isInteger(skip) || skip < 0)
    fail(`Invalid $skip value '${req.query.get('$skip')}'.`, 'BadRequest');
  let size = preferences(req).maxPageSize ?? 10;
  if (top !== null) {
    size = Number(top);
    if (!Number.isInteger(size) || size < 1 || size > 1000)
      fail(`Invalid $top value '${top}'.`, 'BadRequest');
  }
  const value = items.slice(skip, skip + size);
  if (skip + size >= items.length) return { value, nextLink: null, size };
  const params = [...req.query.entries()].filter(([k]) => k !== '$skip');
  return { value, nextLink: linkTo(req, [...params, ['$skip', String(skip + size)]]), size };
}

/** The `@odata.context` Graph puts on collections; clients ignore it, but it makes responses look right. */
export function context(req: SandboxRequest, what: string): string {
  return `${req.url.origin}/graph/v1.0/$metadata#${what}`;
}
