import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startTestSandbox, type TestSandbox } from './helpers/start-test-sandbox';

const booking = {
  resource_id: 'rsc_meeting_room_a',
  title: 'Board meeting',
  start: '2031-03-04T10:00:00Z',
  end: '2031-03-04T11:00:00Z',
};

describe('sandbox state across restarts', () => {
  let dataDir: string;
  const running: TestSandbox[] = [];
  const start = async () => {
    const sandbox = await startTestSandbox({ dataDir, seed: 'empty', saveDebounceMs: 50 });
    running.push(sandbox);
    return sandbox;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-persist-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps bookings, connections, the API key, the CA and the port after a restart', async () => {
    const first = await start();
    const { api_key: apiKey, base_url: baseUrl } = first.info.sched;
    const created = await call(`${baseUrl}/bookings`, { method: 'POST', token: apiKey, body: booking });
    await call(`${baseUrl}/calendars/connect`, {
      method: 'POST',
      token: apiKey,
      body: {
        resource_id: 'rsc_meeting_room_a',
        calendar_service: 'google',
        calendar_id: 'alex@sandbox.example',
      },
    });
    await first.close();

    const second = await start();
    const fetched = await call(`${second.info.sched.base_url}/bookings/${created.body.id}`, {
      token: apiKey,
    });
    const calendars = await call(`${second.info.sched.base_url}/calendars`, { token: apiKey });

    expect(second.info.sched.api_key).toBe(apiKey);
    expect(second.url).toBe(first.url);
    expect(second.caPem).toBe(first.caPem);
    expect(fetched.status).toBe(200);
    expect(fetched.body.title).toBe('Board meeting');
    expect(calendars.body.calendars).toHaveLength(1);
  });

  it('keeps issued OAuth tokens working after a restart', async () => {
    const first = await start();
    const tokens = await call(`${first.url}/sandbox/tokens`, {
      method: 'POST',
      body: { provider: 'google', user: 'alex@sandbox.example' },
    });
    await first.close();

    const second = await start();
    const list = await call(`${second.info.google.root_url}calendar/v3/users/me/calendarList`, {
      token: tokens.body.access_token,
    });

    expect(list.status).toBe(200);
  });

  it('writes changes to state.json soon after they happen, without leaving temp files', async () => {
    const sandbox = await start();

    const created = await call(`${sandbox.info.sched.base_url}/bookings`, {
      method: 'POST',
      token: sandbox.info.sched.api_key,
      body: booking,
    });
    await sleep(300);

    const saved = await readFile(join(dataDir, 'state.json'), 'utf8');
    expect(saved).toContain(created.body.id);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the state of a data dir even when started with another seed', async () => {
    const first = await start();
    await first.close();

    const second = await startTestSandbox({ dataDir, seed: 'demo' });
    running.push(second);
    const bookings = await call(`${second.info.sched.base_url}/bookings`, {
      token: second.info.sched.api_key,
    });

    expect(second.seed).toBe('empty');
    expect(bookings.body.bookings).toEqual([]);
  });

  it('refuses to start on an unreadable state.json, saying which file and what to do', async () => {
    await writeFile(join(dataDir, 'state.json'), '{"version":1, "ser');

    await expect(start()).rejects.toThrow(/state\.json is not readable JSON.*move it away/);
  });
});
