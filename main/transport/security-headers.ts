/**
 * Headers sent with every answer of the loopback server. The web UI's policy matches the desktop window's; a
 * response-header CSP is the only one that can forbid framing (`frame-ancestors` is ignored in a meta tag).
 * https://www.w3.org/TR/CSP3/#directive-frame-ancestors
 */

/** The Content-Security-Policy of the web UI (and of the desktop window, which sets it as a response header). */
export const uiContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy of API answers: JSON is never a document, so nothing may load from it. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** The headers for a UI file (`ui`) or an API answer. */
export function securityHeaders(kind: 'ui' | 'api'): Record<string, string> {
  return {
    'content-security-policy': kind === 'ui' ? uiContentSecurityPolicy : apiContentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}
