/** Reading request bodies and writing responses for the sandbox server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxResponse } from './types';

/** Bodies above this are refused: the official clients never send anything near it. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Reads the whole request body, or throws a `BodyTooLargeError` past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Thrown by `readBody` when a body is larger than allowed. */
export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * Parses a JSON body. Bodies declared as another type (forms, multipart) are left to the handler in `rawBody`;
 * an undeclared or JSON-declared body that is not JSON is the caller's mistake and answers 400.
 */
export function parseJsonBody(
  raw: Buffer,
  contentType: string | undefined,
): { ok: true; body: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, body: undefined };
  const type = (contentType ?? '').toLowerCase();
  if (type !== '' && !type.includes('json') && !type.startsWith('text/plain'))
    return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Writes a handler's response: strings and buffers as they are, anything else as JSON. */
export function sendResponse(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  let payload: Buffer | undefined;
  if (response.body === undefined || response.status === 204 || response.status === 304) {
    payload = undefined;
  } else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
    payload = Buffer.from(response.body);
    if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8';
  } else {
    payload = Buffer.from(JSON.stringify(response.body));
    if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** Writes the sandbox's own error shape, `{"error":{"code","message"}}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  sendResponse(res, { status, headers, body: { error: { code, message } } });
}
