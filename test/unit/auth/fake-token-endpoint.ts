/**
 * A tiny stand-in for an OAuth token endpoint (RFC 6749 §6 refresh grant) on 127.0.0.1, for unit tests of the
 * Google account. It knows refresh tokens, can rotate them, and answers invalid_grant for anything else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTokenEndpoint {
  url: string;
  /** Refresh tokens it accepts. */
  valid: Set<string>;
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

export async function startFakeTokenEndpoint(valid: string[]): Promise<FakeTokenEndpoint> {
  let server: Server | undefined;
  const endpoint: FakeTokenEndpoint = {
    url: '',
    valid: new Set(valid),
    refreshCount: 0,
    close: () => new Promise((resolve) => server!.close(() => resolve())),
  };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const token = form.get('refresh_token') ?? '';
      res.setHeader('Content-Type', 'application/json');
      if (form.get('grant_type') !== 'refresh_token' || !endpoint.valid.has(token)) {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' }));
        return;
      }
      endpoint.refreshCount += 1;
      const answer: Record<string, unknown> = {
        access_token: `access-${endpoint.refreshCount}`,
        expires_in: 3600,
        token_type: 'Bearer',
      };
      if (endpoint.idToken) answer.id_token = endpoint.idToken;
      if (endpoint.rotateTo) {
        endpoint.valid.delete(token);
        endpoint.valid.add(endpoint.rotateTo);
        answer.refresh_token = endpoint.rotateTo;
      }
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  return endpoint;
}
