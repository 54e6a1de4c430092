import { RedisHandoffStore } from '../../../src/storage/handoff/redisHandoffStore';
import { createKeyRegistry } from '../../../src/storage/keys';
import { handoffStoreContract } from '../../handoff/handoffStoreContract';
import { FakeClock } from '../../handoff/support/fakeClock';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisHandoffStore', () => {
  handoffStoreContract('redis (two clients)', async ({ handleHistory }) => {
    const prefix = uniquePrefix('handoff');
    const keys = createKeyRegistry(prefix);
    const clock = new FakeClock();
    const a = connectTestRedis();
    const b = connectTestRedis();
    return {
      store: new RedisHandoffStore(a, keys, { clock: clock.now, handleHistory }),
      second: new RedisHandoffStore(b, keys, { clock: clock.now, handleHistory }),
      clock,
      close: async () => {
        await b.quit();
        await cleanupRedis(a, prefix);
      },
    };
  });
});

describeRedis('RedisHandoffStore across processes', () => {
  const prefix = uniquePrefix('handoffx');
  const keys = createKeyRegistry(prefix);
  const clock = new FakeClock();
  const a = connectTestRedis();
  const b = connectTestRedis();
  const storeA = new RedisHandoffStore(a, keys, { clock: clock.now, recordRetentionMs: 3_600_000 });
  const storeB = new RedisHandoffStore(b, keys, { clock: clock.now });
  const enqueue = (conversationId: string) =>
    storeA.enqueue({ conversationId, channelId: 'webchat', priority: 'normal', reasonCodes: ['user_requested'], summary: 's' });

  afterAll(async () => {
    await b.quit();
    await cleanupRedis(a, prefix);
  });

  it('keeps nothing in process memory: a new store on a new client sees the queue, leases and tickets', async () => {
    await enqueue('p1');
    await enqueue('p2');
    await storeA.claim('p2', 'dana', 5000);
    await storeA.toCallback({ conversationId: 'p3', channelId: 'webchat', contact: null, reason: 'after_hours' });
    const fresh = new RedisHandoffStore(b, keys, { clock: clock.now });
    expect((await fresh.listQueue()).map((e) => e.conversationId)).toEqual(['p1']);
    expect(await fresh.listCallbacks()).toHaveLength(1);
    expect(await fresh.expireLeases(clock.ms + 5000)).toEqual(['p2']);
    expect((await fresh.listQueue()).map((e) => e.conversationId)).toEqual(['p1', 'p2']);
  });

  it('requeues each expired lease once when two processes sweep at the same time', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `sweep-${i}`);
    for (const id of ids) {
      await enqueue(id);
      await storeA.claim(id, `agent-${id}`, 1000);
    }
    const sweeps = await Promise.all([storeA.expireLeases(clock.ms + 1000), storeB.expireLeases(clock.ms + 1000)]);
    expect(sweeps.flat().sort()).toEqual([...ids].sort());
  });

  it('stores every handoff key under the {handoff} hash tag, and lets released records expire', async () => {
    await enqueue('ttl-1');
    expect(await a.pttl(keys.handoffRecord('ttl-1'))).toBe(-1);
    await storeA.claim('ttl-1', 'dana', 5000);
    await storeA.release('ttl-1', 'dana', { disposition: 'resolved', note: 'done' });
    const ttl = await a.pttl(keys.handoffRecord('ttl-1'));
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
    expect(await a.pttl(keys.handoffNotes('ttl-1'))).toBeGreaterThan(3_500_000);
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await a.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    expect(found.length).toBeGreaterThan(5);
    for (const key of found) expect(key).toContain('{handoff}');
  });

  it('maps a script refusal to the typed error without changing state', async () => {
    await enqueue('typed');
    await storeA.claim('typed', 'dana', 5000);
    await expect(storeB.claim('typed', 'lee', 5000)).rejects.toMatchObject({ name: 'TandemError', code: 'HANDOFF_CONFLICT', status: 409 });
    expect((await storeB.getRecord('typed'))?.assignedAgent).toBe('dana');
  });
});
