/**
 * Which links the desktop app hands to the system browser. `shell.openExternal` runs whatever the OS registers
 * for a URL, so a link in hostile calendar content (or a compromised renderer) must not reach it unchecked: only
 * the sign-in pages and the Sched the person configured (plus the sandbox in Sandbox mode) are opened.
 */

/** The hosts of the live sign-in pages. */
export const signInHosts: readonly string[] = ['accounts.google.com', 'login.microsoftonline.com'];

/** What else may open besides the sign-in hosts, read when a link is clicked. */
export interface ExternalLinkPolicy {
  /** The configured Sched's base URL (live mode), or null. */
  schedBaseUrl: string | null;
  /** The sandbox's URL in Sandbox mode, or null. */
  sandboxUrl: string | null;
}

const originOf = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
};

/** Whether `url` may be opened in the system browser. */
export function isAllowedExternalUrl(url: string, policy: ExternalLinkPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // user:pass@ can make a link read as one host while going to another; no sign-in link carries them.
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:' && parsed.port === '' && signInHosts.includes(parsed.hostname))
    return true;
  const allowedOrigins = [originOf(policy.schedBaseUrl), originOf(policy.sandboxUrl)];
  return allowedOrigins.some((origin) => origin !== null && origin === parsed.origin);
}
