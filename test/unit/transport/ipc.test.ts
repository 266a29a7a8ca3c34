import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { AgentApi, Connection, ConnectInput } from '../../../preload/contract';
import { defaultSyncSettings, operations } from '../../../preload/contract';
import { registerIpc, trustedSenders, type IpcHandleRegistry } from '../../../main/transport/ipc';
import { AgentError } from '../../../main/agent/agent-error';
import { partialAgent } from './partial-agent';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

class FakeIpc implements IpcHandleRegistry {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frameUrl: string, payload: unknown) {
    const event = { senderFrame: { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return this.handlers.get(channel)!(event, payload);
  }
}

class RecordingAgent implements Partial<AgentApi> {
  readonly connected: ConnectInput[] = [];
  async connect(input: ConnectInput): Promise<Connection> {
    this.connected.push(input);
    return {
      resource_id: input.resource_id,
      calendar_service: input.calendar_service,
      calendar_id: input.calendar_id,
      account_id: null,
      sync_status: 'active',
      awaiting_first_sync: true,
      sync_settings: defaultSyncSettings,
      last_sync: null,
    };
  }
  async list() {
    return { calendars: [] };
  }
  async update(): Promise<Connection> {
    throw new AgentError('not_found', 'No connected calendar has the id "nope".');
  }
  async disconnect(): Promise<{ message: string }> {
    throw new Error('database file /secret/path is locked');
  }
}

const appUrl = 'file:///opt/sched-sync/renderer/index.html';
const setup = () => {
  const ipc = new FakeIpc();
  const agent = new RecordingAgent();
  const unregister = registerIpc(
    ipc,
    partialAgent(agent),
    trustedSenders(['file:///opt/sched-sync/renderer/']),
  );
  return { ipc, agent, unregister };
};
const valid = { resource_id: 'r1', calendar_service: 'google', calendar_id: 'room-a@example.com' };

describe('registerIpc', () => {
  it('passes a valid call from our window to the agent', async () => {
    const { ipc, agent } = setup();

    const reply = await ipc.invoke('sched-sync:connect', appUrl, valid);

    expect(reply).toMatchObject({
      ok: true,
      result: { calendar_id: 'room-a@example.com', sync_status: 'active' },
    });
    expect(agent.connected).toHaveLength(1);
  });

  it('refuses a call from another frame and does not reach the agent', async () => {
    const { ipc, agent } = setup();

    const reply = await ipc.invoke('sched-sync:connect', 'https://evil.example/', valid);

    expect(reply).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(agent.connected).toHaveLength(0);
  });

  it('answers a bad payload with the field name and changes nothing', async () => {
    const { ipc, agent } = setup();

    const reply = await ipc.invoke('sched-sync:connect', appUrl, { ...valid, calendar_service: 'yahoo' });

    expect(reply).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(reply)).toContain('calendar_service');
    expect(agent.connected).toHaveLength(0);
  });

  it('passes agent errors through and hides unexpected ones', async () => {
    const { ipc } = setup();

    const notFound = await ipc.invoke('sched-sync:update', appUrl, { calendar_id: 'nope' });
    const internal = await ipc.invoke('sched-sync:disconnect', appUrl, { calendar_id: 'x' });

    expect(notFound).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('nope') },
    });
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('/secret/path');
  });

  it('registers one channel per operation and removes them again', () => {
    const { ipc, unregister } = setup();

    expect([...ipc.handlers.keys()].sort()).toEqual(
      Object.keys(operations)
        .map((op) => `sched-sync:${op}`)
        .sort(),
    );
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
