import { RedisDirectLineSignal } from '../../../src/storage/directline/redisDirectLineSignal';
import { createKeyRegistry } from '../../../src/storage/keys';
import { connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisDirectLineSignal', () => {
  it('wakes the listeners of that conversation in another process, and only those', async () => {
    const channel = createKeyRegistry(uniquePrefix('dlsignal')).directLineAppended;
    const clients = [connectTestRedis(), connectTestRedis(), connectTestRedis(), connectTestRedis()] as const;
    const one = new RedisDirectLineSignal(clients[0], clients[1], channel);
    const two = new RedisDirectLineSignal(clients[2], clients[3], channel);
    try {
      const woken: string[] = [];
      const stop = two.subscribe('conv-a', () => woken.push('a'));
      two.subscribe('conv-b', () => woken.push('b'));
      await two.ready();
      one.notify('conv-c');
      one.notify('conv-a');
      for (let i = 0; i < 40 && woken.length === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
      expect(woken).toEqual(['a']);
      stop();
      one.notify('conv-a');
      one.notify('conv-b');
      for (let i = 0; i < 40 && woken.length === 1; i += 1) await new Promise((r) => setTimeout(r, 25));
      expect(woken).toEqual(['a', 'b']);
    } finally {
      await one.close();
      await two.close();
      await Promise.all(clients.map((client) => client.quit()));
    }
  });
});
