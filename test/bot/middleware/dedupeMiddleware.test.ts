import { type Activity, TestAdapter, type TurnContext } from 'botbuilder';
import { DedupeMiddleware, dedupeKey } from '../../../src/bot/middleware/dedupeMiddleware';
import { TandemError } from '../../../src/errors';
import { MemoryDedupeStore } from '../../../src/storage/memory/memoryDedupeStore';

const leaseMs = 10_000;

/** A bot whose turns are counted and can be told to fail, behind the real dedupe middleware. */
function harness() {
  let now = 1_000_000;
  const store = new MemoryDedupeStore({ now: () => now });
  const turns: string[] = [];
  let failNext: 'before-reply' | 'after-reply' | undefined;
  const logic = async (context: TurnContext) => {
    turns.push(context.activity.text ?? '');
    if (failNext === 'after-reply') await context.sendActivity(`echo ${context.activity.text ?? ''}`);
    if (failNext) {
      failNext = undefined;
      throw new TandemError('STATE_UNAVAILABLE', 'simulated outage');
    }
    await context.sendActivity(`echo ${context.activity.text ?? ''}`);
  };
  const adapter = new TestAdapter(logic);
  const errors: string[] = [];
  adapter.onTurnError = async (_context, error) => {
    errors.push((error as TandemError).code);
  };
  adapter.use(new DedupeMiddleware(store, { ttlSeconds: 60, leaseMs }));
  const send = (id: string, text: string, channelId = 'test', conversationId = 'conv-1') =>
    adapter.processActivity({ type: 'message', id, text, channelId, conversation: { id: conversationId } } as Partial<Activity>);
  return {
    store,
    turns,
    errors,
    adapter,
    send,
    failNextTurn: (how: 'before-reply' | 'after-reply') => (failNext = how),
    advance: (ms: number) => (now += ms),
  };
}

describe('DedupeMiddleware (in-progress lease, then done)', () => {
  it('processes an activity once and ignores a retry of the finished turn', async () => {
    const h = harness();
    await h.send('a1', 'hello');
    await h.send('a1', 'hello');
    expect(h.turns).toEqual(['hello']);
    expect(h.adapter.activeQueue.filter((a) => a.type === 'message')).toHaveLength(1);
  });

  it('processes the channel retry of a turn that failed before saying anything', async () => {
    const h = harness();
    h.failNextTurn('before-reply');
    await h.send('a1', 'hello');
    expect(h.errors).toEqual(['STATE_UNAVAILABLE']);
    await h.send('a1', 'hello');
    await h.send('a1', 'hello');
    expect(h.turns).toEqual(['hello', 'hello']);
    expect(h.adapter.activeQueue.filter((a) => a.type === 'message').map((a) => a.text)).toEqual(['echo hello']);
  });

  it('counts a turn that failed after replying as done, so a retry does not say it twice', async () => {
    const h = harness();
    h.failNextTurn('after-reply');
    await h.send('a1', 'hello');
    await h.send('a1', 'hello');
    expect(h.turns).toEqual(['hello']);
  });

  it('refuses a retry while the turn is in progress elsewhere, and processes it once after a crash lets the lease run out', async () => {
    const h = harness();
    // Another process began this activity and was killed mid-turn: its lease is never completed.
    const crashed = await h.store.begin(dedupeKey('test', 'conv-1', 'a1'), leaseMs);
    expect(crashed.status).toBe('started');

    await h.send('a1', 'hello');
    expect(h.errors).toEqual(['TURN_IN_PROGRESS']);
    expect(h.turns).toEqual([]);

    h.advance(leaseMs + 1);
    await h.send('a1', 'hello');
    await h.send('a1', 'hello');
    expect(h.turns).toEqual(['hello']);
    expect(h.errors).toEqual(['TURN_IN_PROGRESS']);
  });

  it('keeps the lease of a long turn alive while it runs', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const store = new MemoryDedupeStore();
      let release: () => void = () => undefined;
      const adapter = new TestAdapter(async () => new Promise<void>((resolve) => (release = resolve)));
      adapter.use(new DedupeMiddleware(store, { ttlSeconds: 60, leaseMs: 300 }));
      const renew = jest.spyOn(store, 'renew');
      const turn = adapter.processActivity({ type: 'message', id: 'slow', text: 'x' } as Partial<Activity>);
      await jest.advanceTimersByTimeAsync(1000);
      expect(renew.mock.calls.length).toBeGreaterThanOrEqual(3);
      release();
      await turn;
      const callsAtEnd = renew.mock.calls.length;
      await jest.advanceTimersByTimeAsync(1000);
      expect(renew.mock.calls.length).toBe(callsAtEnd);
    } finally {
      jest.useRealTimers();
    }
  });

  it('escapes the parts of the key, so activities of different conversations never collide', async () => {
    const h = harness();
    await h.send('x', 'first', 'web:chat', 'c');
    await h.send('x', 'second', 'web', 'chat:c');
    await h.send('c:x', 'third', 'web:chat', '');
    expect(h.turns).toEqual(['first', 'second', 'third']);
    expect(new Set([dedupeKey('a:b', 'c', 'd'), dedupeKey('a', 'b:c', 'd'), dedupeKey('a', 'b', 'c:d'), dedupeKey('a%3Ab', 'c', 'd')]).size).toBe(4);
  });
});
