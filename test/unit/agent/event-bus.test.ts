import { describe, expect, it } from 'vitest';
import { EventBus, type AgentEvent } from '../../../main/agent/event-bus';

describe('EventBus', () => {
  it('delivers to every subscriber even when one of them throws', () => {
    const bus = new EventBus();
    const seen: AgentEvent[] = [];
    bus.subscribe(() => {
      throw new Error('closed stream');
    });
    bus.subscribe((event) => seen.push(event));

    bus.publish({ type: 'status', data: { calendar_id: 'a' } });

    expect(seen).toEqual([{ type: 'status', data: { calendar_id: 'a' } }]);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const seen: AgentEvent[] = [];
    const unsubscribe = bus.subscribe((event) => seen.push(event));

    unsubscribe();
    bus.publish({ type: 'mode', data: { mode: 'live' } });

    expect(seen).toEqual([]);
  });
});
