/**
 * A tiny stand-in for an OAuth token endpoint on 127.0.0.1, for unit tests of the Google account and sign-in.
 * It knows refresh tokens (RFC 6749 §6), can rotate them, answers invalid_grant for anything else, and redeems
 * authorization codes only with the matching PKCE verifier (RFC 7636 §4.6).
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTokenEndpoint {
  url: string;
  /** Refresh tokens it accepts. */
  valid: Set<string>;
  /** Codes it redeems: code → the S256 challenge sent with the authorization request. */
  codes: Map<string, string>;
  /** When set, each refresh retires the used refresh token and issues this one. */
  rotateTo?: string;
  /** id_token to include in answers. */
  idToken?: string;
  refreshCount: number;
  close(): Promise<void>;
}

/** A JWT-shaped id_token carrying the given claims (unsigned; the code under test does not verify it). */
export const fakeIdToken = (claims: object): string =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

const invalidGrant = JSON.stringify({
  error: 'invalid_grant',
  error_description: 'grant request is invalid',
});

export async function startFakeTokenEndpoint(valid: string[]): Promise<FakeTokenEndpoint> {
  const state = { valid: new Set(valid), codes: new Map<string, string>(), refreshCount: 0 };
  const endpoint = state as FakeTokenEndpoint;

  const answer = (form: URLSearchParams): Record<string, unknown> | undefined => {
    if (form.get('grant_type') === 'authorization_code') {
      const challenge = endpoint.codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!challenge || createHash('sha256').update(verifier).digest('base64url') !== challenge)
        return undefined;
      endpoint.codes.delete(form.get('code') ?? '');
      return { access_token: 'access-code', refresh_token: 'rt-from-code', expires_in: 3600 };
    }
    const token = form.get('refresh_token') ?? '';
    if (form.get('grant_type') !== 'refresh_token' || !endpoint.valid.has(token)) return undefined;
    endpoint.refreshCount += 1;
    const tokens: Record<string, unknown> = {
      access_token: `access-${endpoint.refreshCount}`,
      expires_in: 3600,
    };
    if (endpoint.rotateTo) {
      endpoint.valid.delete(token);
      endpoint.valid.add(endpoint.rotateTo);
      tokens.refresh_token = endpoint.rotateTo;
    }
    return tokens;
  };

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const tokens = answer(new URLSearchParams(body));
      res.setHeader('Content-Type', 'application/json');
      res.statusCode = tokens ? 200 : 400;
      const idToken = endpoint.idToken ? { id_token: endpoint.idToken } : {};
      res.end(tokens ? JSON.stringify({ ...tokens, ...idToken, token_type: 'Bearer' }) : invalidGrant);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  endpoint.close = () => new Promise((resolve) => server.close(() => resolve()));
  return endpoint;
}
