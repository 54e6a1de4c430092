import type { RedisConnection } from '../redis/redisConnection';
import { newIntakeId } from '../../domain/intake/intakeId';
import { intakeKinds, parseStoredIntakeRecord, type IntakeRecord, type StoredIntakeRecord } from '../../domain/intake/intakeRecord';
import { clampIntakeLimit, type IntakeStore, type ListIntakeOptions } from '../../domain/intake/intakeStore';
import { type RecordStoreOptions, type RecordStoreSettings, recordStoreSettings } from '../../domain/recordStoreSettings';
import type { KeyRegistry } from '../keys';
import { runRedis } from '../redis/runRedis';

/** Records expire after `ttlSeconds` (0 keeps them). Default 30 days. */
export type RedisIntakeStoreOptions = RecordStoreOptions;

const allKinds = 'all';

/**
 * IntakeStore on Redis: one JSON value per record plus newest-first sorted-set indexes (overall and
 * per kind), written in one MULTI inside the `{intake}` slot.
 */
export class RedisIntakeStore implements IntakeStore {
  private readonly settings: RecordStoreSettings;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: RedisIntakeStoreOptions = {},
  ) {
    this.settings = recordStoreSettings(options, { newId: newIntakeId, ttlSeconds: 30 * 24 * 3600 });
  }

  async save(record: IntakeRecord): Promise<{ id: string }> {
    const id = this.settings.newId();
    const createdAt = this.settings.now();
    const stored: StoredIntakeRecord = { ...record, id, createdAt: createdAt.toISOString() };
    const recordKey = this.keys.intakeRecord(id);
    await runRedis(this.redis, async () => {
      const tx = this.redis.multi();
      if (this.settings.ttlSeconds > 0) tx.set(recordKey, JSON.stringify(stored), 'EX', this.settings.ttlSeconds, 'NX');
      else tx.set(recordKey, JSON.stringify(stored), 'NX');
      tx.zadd(this.keys.intakeIndex(allKinds), createdAt.getTime(), id);
      tx.zadd(this.keys.intakeIndex(record.kind), createdAt.getTime(), id);
      const replies = await tx.exec();
      const setReply = replies?.[0];
      if (!setReply || setReply[0] || setReply[1] !== 'OK') throw new Error('Intake id collision or failed write');
    });
    return { id };
  }

  async get(id: string): Promise<StoredIntakeRecord | undefined> {
    const json = await runRedis(this.redis, () => this.redis.get(this.keys.intakeRecord(id)));
    return json ? parseStoredIntakeRecord(json) : undefined;
  }

  async list(options: ListIntakeOptions = {}): Promise<StoredIntakeRecord[]> {
    const limit = clampIntakeLimit(options.limit);
    const indexKey = this.keys.intakeIndex(options.kind ?? allKinds);
    const ids = await runRedis(this.redis, () => this.redis.zrevrange(indexKey, 0, limit - 1));
    if (ids.length === 0) return [];
    const values = await runRedis(this.redis, () => this.redis.mget(...ids.map((id) => this.keys.intakeRecord(id))));
    const expired = ids.filter((_, i) => !values[i]);
    if (expired.length > 0) {
      await runRedis(this.redis, () => {
        const tx = this.redis.multi();
        for (const kind of [allKinds, ...intakeKinds]) tx.zrem(this.keys.intakeIndex(kind), ...expired);
        return tx.exec();
      });
    }
    return values.flatMap((json) => (json ? [parseStoredIntakeRecord(json)] : []));
  }
}
