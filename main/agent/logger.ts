/**
 * The agent's log: JSON lines (pino) with every field that could carry a secret redacted, whatever the caller
 * passes. Secrets never belong in a log line; the redaction is the safety net, not the plan.
 */
import pino, { type Logger } from 'pino';

const secretFields = [
  'token',
  'access_token',
  'refresh_token',
  'oauth_token',
  'api_key',
  'apiKey',
  'authorization',
  'client_secret',
  'password',
];

/** The redact paths: each secret field at the top level and one or two levels down. */
export const redactPaths = secretFields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `headers.${f}`]);

/** A logger writing to `destination` (stderr for the headless agent, a file for the desktop app). */
export function createLogger(destination: NodeJS.WritableStream, level = 'info'): Logger {
  return pino({ level, base: undefined, redact: { paths: redactPaths, censor: '[redacted]' } }, destination);
}
