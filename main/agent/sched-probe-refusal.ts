/**
 * What a person reads when `PUT /api/sched` could not check the URL and key against Sched: the key refused (400
 * naming api_key), a URL that answers but is not Sched's API (400 naming base_url), Sched unreachable, a certificate
 * problem, or Sched failing (502). None of them says the key; nothing was changed.
 */
import { SchedApiKeyError, SchedRequestError, SchedUnavailableError } from '../providers/sched';
import { AgentError } from './agent-error';

const unchanged = 'nothing was changed';
const schedUrlShape = 'A Sched API URL looks like https://sched.example.com/v1 (it ends in /v1)';

/** Certificate problems by the code Node reports, in words. */
const certificateProblems: [RegExp, string][] = [
  [/EXPIRED/, 'its certificate has expired (or is not valid yet)'],
  [/ALTNAME|HOSTNAME|HOST_MISMATCH/, 'its certificate is for another host name'],
  [
    /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ISSUER|UNTRUSTED|CERT_REJECTED|CERT_SIGNATURE/,
    'its certificate is self-signed or issued by an authority this computer does not trust',
  ],
  [/CERT|TLS|SSL/, 'its certificate could not be checked'],
];

/** Network failures by the code Node reports, in words. */
const networkCauses: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  'timed out': 'no answer in time',
};

/** What Sched answered (or why it did not), read off the adapter's errors; null for errors of another kind. */
function answerOf(error: unknown): { status?: number; code?: string; detail?: string } | null {
  if (error instanceof SchedRequestError)
    return { status: error.status, code: error.errorCode, detail: error.detail };
  if (error instanceof SchedUnavailableError)
    return { status: error.status, code: error.errorCode, detail: error.reason };
  return null;
}

/** Turns a failed check of `baseUrl` into the error the person reads; other errors pass unchanged. */
export function probeRefusal(error: unknown, baseUrl: string): unknown {
  if (error instanceof SchedApiKeyError) {
    return new AgentError(
      'validation',
      `api_key: Sched refused this API key (HTTP 401). Check the key in Sched and enter it again; ${unchanged}.`,
    );
  }
  const answer = answerOf(error);
  if (!answer) return error;
  const origin = originOf(baseUrl);
  const { status, code, detail } = answer;
  if (status === undefined) {
    const cause = detail ?? 'network error';
    if (cause === 'the answer was not JSON')
      return notSched(baseUrl, 'an answer that is not JSON (a web page?)');
    const certificate = certificateProblems.find(([pattern]) => pattern.test(cause));
    if (certificate) {
      return new AgentError(
        'upstream',
        `Sched at ${origin} could not be reached securely: ${certificate[1]} (${cause}). Check the URL; ${unchanged}.`,
      );
    }
    const words = networkCauses[cause];
    return new AgentError(
      'upstream',
      `Sched at ${origin} could not be reached (${words ? `${words}, ${cause}` : cause}). Check the URL and your network.`,
    );
  }
  const said = `HTTP ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
  if (status === 403) {
    return new AgentError(
      'validation',
      `api_key: Sched refused this API key access to resources (${said}). Use a key that may read resources; ${unchanged}.`,
    );
  }
  if (status >= 500) {
    return new AgentError('upstream', `Sched at ${origin} failed (${said}). Try again later; ${unchanged}.`);
  }
  return notSched(baseUrl, said);
}

function notSched(baseUrl: string, got: string): AgentError {
  const noVersion = /\/v\d+$/.test(new URL(baseUrl).pathname) ? '' : ' The path has no /v1.';
  return new AgentError(
    'validation',
    `base_url: ${baseUrl} is not Sched's API: GET /resources there answered ${got}.${noVersion} ${schedUrlShape}; ${unchanged}.`,
  );
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}
