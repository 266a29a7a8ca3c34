/**
 * Reading a request's JSON body. A body is either empty or one JSON object: anything else (`null`, an array, a
 * byte-order mark, broken UTF-8 or JSON) is refused naming the cause before the agent sees it. A body over the
 * limit is read to its end and discarded, so the client gets a 413 it can show instead of a connection reset.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiErrorBody } from '../../preload/contract';

/** The largest body the agent accepts: the biggest real input (a settings patch) is a few kilobytes. */
export const defaultMaxBodyBytes = 1_000_000;

/** A body read: its value (undefined when empty), or the status and error to answer. */
export type BodyRead =
  | { ok: true; value: Record<string, unknown> | undefined }
  | { ok: false; status: 400 | 413; error: ApiErrorBody };

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const refuse = (message: string): BodyRead => ({
  ok: false,
  status: 400,
  error: { code: 'validation', message: `body: ${message}` },
});

/** Reads the whole body of `req` and checks that it is empty or a JSON object. */
export async function readJsonBody(req: IncomingMessage, limit = defaultMaxBodyBytes): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit the rest is still read (and dropped): answering before the end resets the connection.
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) {
    return {
      ok: false,
      status: 413,
      error: {
        code: 'validation',
        message: `body: ${size} bytes is larger than the ${limit} bytes the agent accepts.`,
      },
    };
  }
  return parseJsonObject(Buffer.concat(chunks));
}

/** Checks raw body bytes: empty, or UTF-8 JSON (without a byte-order mark) that is an object. */
export function parseJsonObject(bytes: Buffer): BodyRead {
  if (bytes.subarray(0, 3).equals(bom)) {
    return refuse('starts with a byte-order mark; send UTF-8 JSON without one.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not valid UTF-8.');
  }
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, which may hold a key or token: only the cause is named.
    return refuse('not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return refuse(`must be a JSON object, not ${kindOf(value)}.`);
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
