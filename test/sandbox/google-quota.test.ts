import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alex, sam, startGoogleTestServer, type GoogleTestWorld } from './google-test-server';

interface ApiError {
  status: number;
  response: { data: { error: { code: number; errors: { reason: string; domain: string }[] } } };
}

describe('Google stand-in: per-user quota', () => {
  let world: GoogleTestWorld;
  beforeEach(async () => {
    world = await startGoogleTestServer('empty', { quotaPerMinute: 3 });
  });
  afterEach(() => world.close());

  it('answers 403 userRateLimitExceeded past the quota, for that user only, until a minute has passed', async () => {
    const calendar = world.calendarFor(alex);
    for (let i = 0; i < 3; i++) await calendar.calendarList.list();

    const refused = (await calendar.calendarList.list().catch((e: unknown) => e)) as ApiError;
    const otherUser = await world.calendarFor(sam).calendarList.list();
    world.clock.advance(61_000);
    const later = await calendar.calendarList.list();

    expect(refused.status).toBe(403);
    expect(refused.response.data.error).toMatchObject({
      code: 403,
      errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }],
    });
    expect(otherUser.status).toBe(200);
    expect(later.status).toBe(200);
  });
});
