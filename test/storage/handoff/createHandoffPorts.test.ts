import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/observability/logger';
import { createStateBackend } from '../../../src/storage/createStateBackend';
import { createHandoffPorts } from '../../../src/storage/handoff/createHandoffPorts';
import { MemoryHandoffStore } from '../../../src/handoff/memoryHandoffStore';
import { RedisHandoffStore } from '../../../src/storage/handoff/redisHandoffStore';
import type { HandoffEvent } from '../../../src/handoff/events';
import { connectTestRedis, cleanupRedis, describeRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

const config = loadConfig({});

describe('createHandoffPorts', () => {
  it('builds memory ports for the memory backend', async () => {
    const backend = createStateBackend({ keyPrefix: 'tandem', logger: silentLogger });
    const ports = createHandoffPorts(backend, config);
    expect(ports.store).toBeInstanceOf(MemoryHandoffStore);
    await ports.presence.heartbeat('dana');
    expect(await ports.presence.online()).toEqual(['dana']);
    await backend.close();
  });
});

describeRedis('createHandoffPorts on Redis', () => {
  it('shares the backend connection, and its events reach another process', async () => {
    const prefix = uniquePrefix('ports');
    const one = createStateBackend({ redisUrl: testRedisUrl, keyPrefix: prefix, logger: silentLogger });
    const two = createStateBackend({ redisUrl: testRedisUrl, keyPrefix: prefix, logger: silentLogger });
    const [p1, p2] = [createHandoffPorts(one, config), createHandoffPorts(two, config)];
    expect(p1.store).toBeInstanceOf(RedisHandoffStore);
    const received: HandoffEvent[] = [];
    p2.bus.subscribe((e) => received.push(e));
    await p2.bus.ready();
    await p1.store.enqueue({ conversationId: 'x', channelId: 'webchat', priority: 'normal', reasonCodes: ['user_requested'], summary: '' });
    expect(await p2.store.position('x')).toBe(1);
    await p1.bus.publish({ type: 'claimed', conversationId: 'x', at: new Date().toISOString(), data: { agentId: 'dana', fencingToken: 1 } });
    for (let i = 0; i < 50 && received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(received.map((e) => e.type)).toEqual(['claimed']);
    await p1.bus.close();
    await p2.bus.close();
    await one.close();
    await two.close();
    await cleanupRedis(connectTestRedis(), prefix);
  });
});
