/**
 * Reads the claims of an id_token received straight from the token endpoint. Its signature is not checked:
 * OpenID Connect Core §3.1.3.7 allows the TLS connection to the token endpoint to stand in for it, and we only
 * read who signed in, never grant access on the strength of it.
 */

/** The claims we use to name an account. */
export interface IdTokenClaims {
  sub?: string;
  email?: string;
  preferred_username?: string;
}

/** Claims of a compact JWT, or an empty object when it is not one. */
export function readIdTokenClaims(idToken: string | null | undefined): IdTokenClaims {
  const payload = idToken?.split('.')[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as IdTokenClaims) : {};
  } catch {
    return {};
  }
}

/** The e-mail that names the person, from `email` or (Microsoft) `preferred_username` when it looks like one. */
export function emailOf(claims: IdTokenClaims): string | undefined {
  for (const value of [claims.email, claims.preferred_username]) {
    if (typeof value === 'string' && value.includes('@')) return value;
  }
  return undefined;
}
