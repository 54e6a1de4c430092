import { RedisHandoffEventBus } from '../../../src/storage/handoff/redisHandoffEventBus';
import { createKeyRegistry } from '../../../src/storage/keys';
import { eventBusContract, twoProcessBuses } from '../../handoff/eventBusContract';
import { connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisHandoffEventBus', () => {
  eventBusContract('redis (two processes, each with its own subscriber)', async () => {
    const channel = createKeyRegistry(uniquePrefix('events')).handoffEvents;
    const clients = [connectTestRedis(), connectTestRedis(), connectTestRedis(), connectTestRedis()] as const;
    const a = new RedisHandoffEventBus(clients[0], clients[1], channel);
    const b = new RedisHandoffEventBus(clients[2], clients[3], channel);
    return twoProcessBuses(a, b, () => Promise.all(clients.map((c) => c.quit())));
  });

  it('drops a payload that is not a valid event, and keeps delivering valid ones', async () => {
    const channel = createKeyRegistry(uniquePrefix('events')).handoffEvents;
    const [pub, sub, raw] = [connectTestRedis(), connectTestRedis(), connectTestRedis()];
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, msg: string) => warnings.push(msg), error: () => undefined } as unknown as ConstructorParameters<
      typeof RedisHandoffEventBus
    >[3];
    const bus = new RedisHandoffEventBus(pub, sub, channel, logger);
    const received: unknown[] = [];
    bus.subscribe((e) => received.push(e));
    await bus.ready();
    await raw.publish(channel, '{"type":"claimed","conversationId":"c1"}');
    await raw.publish(channel, 'not json');
    const good = { type: 'note', conversationId: 'c1', at: '2025-03-03T15:00:00.000Z', data: { agentId: 'dana', text: 'VIP' } } as const;
    await bus.publish(good);
    for (let i = 0; i < 30 && received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([good]);
    expect(warnings).toEqual(['dropped an invalid handoff event', 'dropped an invalid handoff event']);
    await bus.close();
    await Promise.all([pub.quit(), sub.quit(), raw.quit()]);
  });
});
