/**
 * Keys the OAuth stand-ins keep for their lifetime: the JWKS that signs ID tokens and the secrets that
 * sign cookies. Generated once and kept in the snapshot so tokens and sessions stay valid across restarts.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';

/** A private JWK as oidc-provider's `jwks` option takes it. */
export type PrivateJwk = Record<string, unknown>;

/** Everything secret the two providers need. */
export interface SigningKeys {
  jwks: { keys: PrivateJwk[] };
  cookieKeys: string[];
}

/** Generates an RS256 signing key (what ID token consumers expect by default) and a cookie secret. */
export function generateSigningKeys(): SigningKeys {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    jwks: { keys: [{ ...jwk, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/** True when a value read back from a snapshot has the shape `generateSigningKeys()` returns. */
export function isSigningKeys(value: unknown): value is SigningKeys {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SigningKeys>;
  return (
    Array.isArray(candidate.jwks?.keys) &&
    candidate.jwks.keys.length > 0 &&
    Array.isArray(candidate.cookieKeys) &&
    candidate.cookieKeys.every((key) => typeof key === 'string')
  );
}
