import type { HandoffEvent, HandoffEventBus } from '../../src/handoff/events';

export interface EventBusHarness {
  /** Two buses over the same transport (two processes); the memory twin returns the same bus twice. */
  a: HandoffEventBus;
  b: HandoffEventBus;
  /** Resolves when both buses listen (Redis subscribe is asynchronous). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The harness for two buses of two processes over one transport; `closeTransport` runs after both buses closed. */
export function twoProcessBuses(a: HandoffEventBus, b: HandoffEventBus, closeTransport: () => Promise<unknown> = async () => undefined): EventBusHarness {
  return {
    a,
    b,
    ready: async () => {
      await Promise.all([a.ready(), b.ready()]);
    },
    close: async () => {
      await a.close();
      await b.close();
      await closeTransport();
    },
  };
}

const at = '2025-03-03T15:00:00.000Z';
const claimed: HandoffEvent = { type: 'claimed', conversationId: 'c1', at, data: { agentId: 'dana', fencingToken: 3 } };
const message: HandoffEvent = { type: 'message', conversationId: 'c1', at, data: { from: 'agent', text: 'Hi, I am Dana', agentId: 'dana', agentName: 'Dana' } };

function collector(bus: HandoffEventBus) {
  const received: HandoffEvent[] = [];
  const waiters: (() => void)[] = [];
  const unsubscribe = bus.subscribe((event) => {
    received.push(event);
    waiters.splice(0).forEach((w) => w());
  });
  const waitFor = async (count: number) => {
    const deadline = Date.now() + 3000;
    while (received.length < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return received;
  };
  return { received, waitFor, unsubscribe };
}

/** The HandoffEventBus contract, run against every implementation. */
export function eventBusContract(name: string, make: () => Promise<EventBusHarness>): void {
  describe(`HandoffEventBus contract: ${name}`, () => {
    let h: EventBusHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => h.close());

    it('delivers an event published on one bus to subscribers of the other, in order', async () => {
      const onB = collector(h.b);
      const onA = collector(h.a);
      await h.ready();
      await h.a.publish(claimed);
      await h.a.publish(message);
      expect(await onB.waitFor(2)).toEqual([claimed, message]);
      expect(await onA.waitFor(2)).toEqual([claimed, message]);
    });

    it('stops delivering after unsubscribe, and a throwing listener does not stop the others', async () => {
      const first = collector(h.b);
      h.b.subscribe(() => {
        throw new Error('listener bug');
      });
      const second = collector(h.b);
      await h.ready();
      first.unsubscribe();
      await h.a.publish(claimed);
      expect(await second.waitFor(1)).toEqual([claimed]);
      expect(first.received).toEqual([]);
    });

    it('refuses to publish an event that breaks its schema', async () => {
      const bad = { type: 'claimed', conversationId: '', at, data: { agentId: 'dana' } } as unknown as HandoffEvent;
      await expect(h.a.publish(bad)).rejects.toThrow();
      await expect(h.a.publish({ ...claimed, type: 'exploded' } as unknown as HandoffEvent)).rejects.toThrow();
    });
  });
}
