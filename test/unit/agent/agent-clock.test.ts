import { describe, expect, it } from 'vitest';
import { AgentClock } from '../../../main/agent/agent-clock';

const system = Date.parse('2026-05-01T09:00:00.000Z');
const day = 86_400_000;

describe('AgentClock', () => {
  it('is the system clock until it follows another', async () => {
    const clock = new AgentClock(() => system);

    await clock.refresh();

    expect(clock.now().toISOString()).toBe('2026-05-01T09:00:00.000Z');
  });

  it("follows the sandbox's clock as an offset read at each refresh", async () => {
    let systemNow = system;
    let sandboxNow = system + 15 * day;
    const clock = new AgentClock(() => systemNow);
    clock.follow(async () => new Date(sandboxNow));

    await clock.refresh();
    systemNow += 60_000;
    const between = clock.now().toISOString();
    sandboxNow += 60_000 + day;
    await clock.refresh();

    expect(between).toBe('2026-05-16T09:01:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-05-17T09:01:00.000Z');
  });

  it('keeps the last offset when the sandbox does not answer, and drops it in live mode', async () => {
    const clock = new AgentClock(() => system);
    clock.follow(async () => new Date(system + day));
    await clock.refresh();
    clock.follow(async () => {
      throw new Error('connection refused');
    });

    await clock.refresh();
    const kept = clock.now().toISOString();
    clock.follow(null);

    expect(kept).toBe('2026-05-02T09:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-05-01T09:00:00.000Z');
  });
});
