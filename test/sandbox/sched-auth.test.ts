import { describe, expect, it } from 'vitest';
import { call, useTestSandbox } from './helpers/start-test-sandbox';

describe('Sched API key and rate limit', () => {
  const sandbox = useTestSandbox({ seed: 'empty', sched: { rateLimitPerMinute: 5 } });

  it('refuses requests without the API key or with a wrong one, as JSON 401', async () => {
    const base = sandbox().info.sched.base_url;

    const missing = await call(`${base}/resources`);
    const wrong = await call(`${base}/resources`, { token: 'not-the-key' });

    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(missing.body).toEqual({
      error: { code: 'unauthorized', message: expect.stringContaining('Bearer') },
    });
  });

  it('answers 429 with Retry-After once the key is over its per-minute limit', async () => {
    const { base_url: base, api_key: key } = sandbox().info.sched;
    // Pin the sandbox clock to the start of a minute so all requests land in one window.
    const now = new Date(sandbox().clock.now());
    sandbox().clock.advance(60_000 - (now.getTime() % 60_000));

    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await call(`${base}/resources`, { token: key });
      statuses.push(last.status);
    }

    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last?.body.error.code).toBe('rate_limited');
  });
});

describe('Sched resources', () => {
  const sandbox = useTestSandbox({ seed: 'empty' });

  it('lists at least a meeting room, a doctor and a classroom, in different time zones, with every field', async () => {
    const { base_url: base, api_key: key } = sandbox().info.sched;

    const { status, body } = await call(`${base}/resources`, { token: key });

    expect(status).toBe(200);
    const names = body.resources.map((resource: { name: string }) => resource.name);
    expect(names).toEqual(expect.arrayContaining(['Meeting Room A', 'Dr. Maria Lopez', 'Classroom 101']));
    expect(
      new Set(body.resources.map((resource: { timezone: string }) => resource.timezone)).size,
    ).toBeGreaterThanOrEqual(3);
    for (const resource of body.resources) {
      expect(Object.keys(resource).sort()).toEqual(
        ['booking_url', 'description', 'google_calendar_id', 'id', 'image_url', 'name', 'timezone'].sort(),
      );
    }
  });

  it('serves the image and booking page that a resource links to', async () => {
    const { base_url: base, api_key: key } = sandbox().info.sched;
    const { body } = await call(`${base}/resources`, { token: key });
    const room = body.resources[0];

    const image = await fetch(room.image_url);
    const page = await fetch(room.booking_url);

    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await page.text()).toContain(room.name);
  });

  it('returns one resource by id and 404 for an unknown one', async () => {
    const { base_url: base, api_key: key } = sandbox().info.sched;

    const found = await call(`${base}/resources/rsc_classroom_101`, { token: key });
    const missing = await call(`${base}/resources/rsc_nowhere`, { token: key });

    expect(found.body.timezone).toBe('Asia/Tokyo');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});
