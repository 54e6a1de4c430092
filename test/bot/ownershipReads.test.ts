import type { HandoffStore } from '../../src/handoff/handoffStore';
import { startApp, type RunningApp } from '../support/startApp';
import { ChannelRecorder, Customer } from '../http/agent/agentHarness';
import { cleanupRedis, connectTestRedis, redisAvailable, testRedisUrl, uniquePrefix } from '../support/redis';

/**
 * Wraps every method of the app's own store instance (everything holding the store calls through it) and
 * counts the calls from outside by name; the store's own helpers, called while one of its methods starts, are not counted.
 */
function countCalls(store: HandoffStore): Map<string, number> {
  const counts = new Map<string, number>();
  const target = store as unknown as Record<string, unknown>;
  let depth = 0;
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(store))) {
    const method = target[name];
    if (name === 'constructor' || typeof method !== 'function') continue;
    target[name] = (...args: unknown[]) => {
      if (depth === 0) counts.set(name, (counts.get(name) ?? 0) + 1);
      depth += 1;
      try {
        return (method as (...a: unknown[]) => unknown).apply(store, args);
      } finally {
        depth -= 1;
      }
    };
  }
  return counts;
}

const prefix = uniquePrefix('reads');
const backends: [string, NodeJS.ProcessEnv][] = [
  ['memory', {}],
  ...(redisAvailable ? [['redis', { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix }] as [string, NodeJS.ProcessEnv]] : []),
];

describe.each(backends)('the handoff store reads of one turn (%s store, counted)', (name, env) => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  let calls: Map<string, number>;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp(env);
    calls = countCalls(running.app.handoffPorts.store);
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
    if (name === 'redis') await cleanupRedis(connectTestRedis(), prefix);
  });
  beforeEach(() => calls.clear());

  const counted = () => Object.fromEntries(calls);

  it('an ordinary turn reads the channel and the state once each, and the state once more per reply as it is sent', async () => {
    expect(running.app.backend.kind).toBe(name);
    const customer = new Customer(running.baseUrl, recorder.url);
    const replies = (await customer.say('what are your opening hours?')).filter((a) => a.type === 'message');
    expect(replies.length).toBeGreaterThan(0);
    // The gate's read is carried in turn state (safety, gate and typing share it); the outbound guard re-checks at send time.
    expect(counted()).toEqual({ channelOf: 1, stateOf: 1 + replies.length });
  });

  it('a message for the agent while queued reads the state once and never the whole record', async () => {
    await running.app.handoffPorts.presence.heartbeat('dev-agent');
    const customer = new Customer(running.baseUrl, recorder.url);
    expect((await customer.askForHuman()).join(' ')).toMatch(/connecting you with a person/);
    calls.clear();
    expect(await customer.texts('my order never arrived')).toEqual([]);
    expect(counted()).toEqual({ channelOf: 1, stateOf: 1 });
  });
});
