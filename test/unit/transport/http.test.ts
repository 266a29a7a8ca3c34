import { afterEach, describe, expect, it } from 'vitest';
import type { AgentApi, Connection, ConnectInput, UpdateInput } from '../../../preload/contract';
import { defaultSyncSettings } from '../../../preload/contract';
import { startHttpTransport, type HttpTransport } from '../../../main/transport/http';
import { AgentError } from '../../../main/agent/agent-error';
import { partialAgent } from './partial-agent';

class SmallAgent implements Partial<AgentApi> {
  readonly calendars = new Map<string, Connection>();
  async connect(input: ConnectInput): Promise<Connection> {
    const connection: Connection = {
      resource_id: input.resource_id,
      calendar_service: input.calendar_service,
      calendar_id: input.calendar_id,
      account_id: input.account_id ?? null,
      sync_status: 'active',
      awaiting_first_sync: true,
      sync_settings: { ...defaultSyncSettings, ...input.sync_settings },
      last_sync: null,
    };
    this.calendars.set(input.calendar_id, connection);
    return connection;
  }
  async list() {
    return { calendars: [...this.calendars.values()] };
  }
  async update(input: UpdateInput): Promise<Connection> {
    const found = this.calendars.get(input.calendar_id);
    if (!found) throw new AgentError('not_found', `No connected calendar has the id "${input.calendar_id}".`);
    found.sync_settings = { ...found.sync_settings, ...input.sync_settings };
    return found;
  }
  async disconnect() {
    return { message: 'Calendar disconnected successfully.' };
  }
}

let transport: HttpTransport | undefined;
afterEach(async () => transport?.close());

const start = async () => {
  const agent = new SmallAgent();
  transport = await startHttpTransport({ agent: partialAgent(agent), token: 'test-token-123', port: 0 });
  const call = (method: string, path: string, body?: unknown, token = 'test-token-123') =>
    fetch(`${transport!.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { agent, call };
};
const room = { resource_id: 'r1', calendar_service: 'google', calendar_id: 'room-a@example.com' };

describe('HTTP transport', () => {
  it('listens on 127.0.0.1 only', async () => {
    await start();

    expect(new URL(transport!.url).hostname).toBe('127.0.0.1');
  });

  it('connects, lists and updates through the routes of API.md', async () => {
    const { call } = await start();

    const created = await call('POST', '/api/calendars/connect', room);
    const updated = await call('PUT', '/api/calendars/room-a%40example.com', {
      sync_settings: { privacy: 'busy-only' },
    });
    const listed = await call('GET', '/api/calendars');

    expect(created.status).toBe(201);
    expect(updated.status).toBe(200);
    expect(await listed.json()).toMatchObject({
      calendars: [
        { calendar_id: 'room-a@example.com', sync_settings: { privacy: 'busy-only', direction: 'two-way' } },
      ],
    });
  });

  it('answers the documented disconnect message', async () => {
    const { call } = await start();

    const response = await call('DELETE', '/api/calendars/room-a%40example.com');

    expect(await response.json()).toEqual({ message: 'Calendar disconnected successfully.' });
  });

  it('refuses a wrong token with 401 and changes nothing', async () => {
    const { call, agent } = await start();

    const response = await call('POST', '/api/calendars/connect', room, 'wrong-token-12');

    expect(response.status).toBe(401);
    expect(agent.calendars.size).toBe(0);
  });

  it('answers 400 naming the field for bad input and for broken JSON', async () => {
    const { call, agent } = await start();

    const bad = await call('POST', '/api/calendars/connect', { ...room, calendar_service: 'yahoo' });
    const broken = await call('POST', '/api/calendars/connect', '{"resource_id":');

    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /^calendar_service: /,
    );
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/^body: /);
    expect(agent.calendars.size).toBe(0);
  });

  it('maps agent errors to their status', async () => {
    const { call } = await start();

    const response = await call('PUT', '/api/calendars/nope', { sync_settings: { privacy: 'full' } });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No connected calendar has the id "nope".' },
    });
  });

  it('answers 404 for an unknown operation and 405 for a wrong method', async () => {
    const { call } = await start();

    expect((await call('GET', '/api/nothing-here')).status).toBe(404);
    expect((await call('PATCH', '/api/calendars/x')).status).toBe(405);
  });
});
