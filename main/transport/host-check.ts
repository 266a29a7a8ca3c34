/**
 * The Host check of the loopback API: a page on another site that rebinds its DNS name to 127.0.0.1 (DNS
 * rebinding) reaches our port with its own name in `Host`, so only our own loopback names are served.
 */
import type { ApiErrorBody } from '../../preload/contract';

/** Why a request's Host header was refused, with the status to answer; null when it names us. */
export function refuseHost(
  host: string | undefined,
  port: number,
): { status: 400 | 421; error: ApiErrorBody } | null {
  if (host === undefined || host === '') {
    return { status: 400, error: { code: 'validation', message: 'Host: the header is missing.' } };
  }
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (allowed.includes(host.toLowerCase())) return null;
  return {
    status: 421,
    error: {
      code: 'validation',
      message: `Host: this agent answers only to ${allowed.join(' or ')}.`,
    },
  };
}
