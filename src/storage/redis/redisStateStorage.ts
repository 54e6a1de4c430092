import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { RedisConnection } from './redisConnection';
import type { KeyRegistry } from '../keys';
import {
  assertStorageKeys,
  deserializeItem,
  isConditional,
  serializeItem,
  staleState,
  storageChanges,
} from '../storeItems';
import { LuaScript } from './luaScript';
import { runRedis } from './runRedis';

// One hash per item: e = eTag, d = JSON body. Compare-and-set in one step so that of two writers
// holding the same eTag exactly one wins. An item that does not exist yet is always written (as in
// botbuilder's MemoryStorage).
const compareAndSet = new LuaScript(`
local expected = ARGV[1]
if expected ~= '' then
  local current = redis.call('HGET', KEYS[1], 'e')
  if current and current ~= expected then return 0 end
end
redis.call('HSET', KEYS[1], 'e', ARGV[2], 'd', ARGV[3])
local ttl = tonumber(ARGV[4])
if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) else redis.call('PERSIST', KEYS[1]) end
return 1
`);

export interface RedisStateStorageOptions {
  /** Items expire this long after their last write. Default: no expiry. */
  ttlSeconds?: number;
}

/**
 * botbuilder `Storage` in Redis, one key per item (`keys.botState`), with the same eTag rules as
 * `MemoryStateStorage`. Each item is written atomically by a Lua compare-and-set; a stale eTag
 * fails with `TandemError('STALE_STATE')`. Within a batch each item is written on its own, so when
 * one item of a batch is stale the others may already be written. Redis failures surface as
 * `TandemError('STATE_UNAVAILABLE')` within the client's command timeout.
 */
export class RedisStateStorage implements Storage {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    private readonly options: RedisStateStorageOptions = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    assertStorageKeys(keys);
    if (keys.length === 0) return {};
    const replies = await runRedis(this.redis, () =>
      Promise.all(keys.map((key) => this.redis.hmget(this.keys.botState(key), 'e', 'd'))),
    );
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const [eTag, body] = replies[i] ?? [];
      if (typeof eTag === 'string' && typeof body === 'string') items[key] = deserializeItem(body, eTag);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = storageChanges(changes);
    if (entries.length === 0) return;
    const ttl = this.options.ttlSeconds ?? 0;
    const results = await runRedis(this.redis, () =>
      Promise.all(
        entries.map(([key, item]) =>
          compareAndSet.run(
            this.redis,
            [this.keys.botState(key)],
            [isConditional(item.eTag) ? item.eTag : '', randomUUID(), serializeItem(item), ttl],
          ),
        ),
      ),
    );
    const stale = entries.filter((_entry, i) => results[i] !== 1).map(([key]) => key);
    if (stale.length > 0) throw staleState(stale);
  }

  async delete(keys: string[]): Promise<void> {
    assertStorageKeys(keys);
    if (keys.length === 0) return;
    // One DEL per key: the keys may live in different cluster slots.
    await runRedis(this.redis, () => Promise.all(keys.map((key) => this.redis.del(this.keys.botState(key)))));
  }
}
