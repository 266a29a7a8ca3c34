import { describe, expect, it } from 'vitest';
import type { AccountTokens } from '../../../main/auth/account-tokens';
import { ReauthRequiredError } from '../../../main/auth/auth-errors';
import { withAuthRetry } from '../../../main/auth/with-auth-retry';

/** Tokens that count refreshes; `refuse` makes the refresh fail as a revoked grant would. */
class FakeTokens implements AccountTokens {
  readonly provider = 'google' as const;
  readonly accountId = 'google:ada@example.com';
  refreshes = 0;
  refuse = false;

  async accessToken(): Promise<string> {
    return `token-${this.refreshes}`;
  }

  async refresh(): Promise<string> {
    if (this.refuse) throw new ReauthRequiredError('google', 'invalid_grant', this.accountId);
    this.refreshes += 1;
    return `token-${this.refreshes}`;
  }
}

const unauthorized = (): Error =>
  Object.assign(new Error('Request had invalid credentials.'), { status: 401 });

describe('withAuthRetry', () => {
  it('passes a valid token and returns the result without refreshing', async () => {
    const tokens = new FakeTokens();

    const result = await withAuthRetry(tokens, async (token) => `called with ${token}`);

    expect(result).toBe('called with token-0');
    expect(tokens.refreshes).toBe(0);
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const tokens = new FakeTokens();
    const seen: string[] = [];

    const result = await withAuthRetry(tokens, async (token) => {
      seen.push(token);
      if (token === 'token-0') throw unauthorized();
      return 'ok';
    });

    expect(result).toBe('ok');
    expect(seen).toEqual(['token-0', 'token-1']);
  });

  it('gives up after a second 401 and asks for a new sign-in', async () => {
    const tokens = new FakeTokens();
    let calls = 0;

    const error = await withAuthRetry(tokens, async () => {
      calls += 1;
      throw unauthorized();
    }).catch((err: unknown) => err);

    expect(calls).toBe(2);
    expect(tokens.refreshes).toBe(1);
    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect((error as ReauthRequiredError).reason).toBe('unauthorized_after_refresh');
  });

  it('stops with ReauthRequiredError when the refresh is refused', async () => {
    const tokens = new FakeTokens();
    tokens.refuse = true;

    const running = withAuthRetry(tokens, async () => {
      throw unauthorized();
    });

    await expect(running).rejects.toThrow(
      'Google refused the saved sign-in (invalid_grant). Sign in again to resume syncing.',
    );
  });

  it('lets other failures through untouched and without a refresh', async () => {
    const tokens = new FakeTokens();
    const notFound = Object.assign(new Error('Not Found'), { status: 404 });

    const running = withAuthRetry(tokens, async () => {
      throw notFound;
    });

    await expect(running).rejects.toBe(notFound);
    expect(tokens.refreshes).toBe(0);
  });

  it('turns a raw invalid_grant thrown by a client inside the call into ReauthRequiredError', async () => {
    const tokens = new FakeTokens();
    const raw = Object.assign(new Error('invalid_grant'), {
      response: { status: 400, data: { error: 'invalid_grant' } },
      config: { data: 'refresh_token=secret-refresh-token' },
    });

    const error = await withAuthRetry(tokens, async () => {
      throw raw;
    }).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('secret-refresh-token');
  });
});
