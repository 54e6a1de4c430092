import { RedisBookingStore } from '../../src/storage/domain/redisBookingStore';
import { RedisIntakeStore } from '../../src/storage/domain/redisIntakeStore';
import { RedisRefillTicketStore } from '../../src/storage/domain/redisRefillTicketStore';
import { RedisDirectLineStore } from '../../src/storage/directline/redisDirectLineStore';
import { RedisConversationLock } from '../../src/storage/redis/redisConversationLock';
import { RedisConversationReferenceStore } from '../../src/storage/redis/redisConversationReferenceStore';
import { RedisDedupeStore } from '../../src/storage/redis/redisDedupeStore';
import { RedisStateStorage } from '../../src/storage/redis/redisStateStorage';
import { RedisTranscriptStore } from '../../src/storage/redis/redisTranscriptStore';
import { intakeStoreContract } from '../domain/intake/intakeStoreContract';
import { refillTicketStoreContract } from '../domain/refills/refillTicketStoreContract';
import { bookingStoreContract } from '../domain/scheduling/bookingStoreContract';
import { describeCluster, useClusterFixture } from '../support/clusterFixture';
import { conversationLockContract } from './contracts/conversationLockContract';
import { dedupeStoreContract } from './contracts/dedupeStoreContract';
import { referenceStoreContract } from './contracts/referenceStoreContract';
import { storageContract } from './contracts/storageContract';
import { transcriptStoreContract } from './contracts/transcriptStoreContract';
import { directLineStoreContract } from './directline/directLineStoreContract';

// The same contract suites as for one Redis, on three masters: a multi-key script or MULTI whose keys
// span slots fails here with CROSSSLOT, and each store's keys land on whichever master owns their slot.
describeCluster('state ports on a Redis Cluster of three masters', () => {
  jest.setTimeout(60_000);
  const cluster = useClusterFixture();

  it('spreads the keys of different conversations over the masters', async () => {
    const redis = cluster.redis();
    const keys = cluster.keys();
    const refs = new RedisConversationReferenceStore(redis, keys);
    for (let i = 0; i < 30; i += 1) await refs.save({ conversation: { id: `spread-${i}`, isGroup: false, conversationType: '', name: '' } });
    const owners = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      const slot = Number(await redis.call('CLUSTER', 'KEYSLOT', keys.conversationReference(`spread-${i}`)));
      owners.add(String(Math.floor(slot / Math.ceil(16384 / 3))));
    }
    expect(owners.size).toBe(3);
    await expect(refs.get('spread-7')).resolves.toMatchObject({ conversation: { id: 'spread-7' } });
  });

  describe('RedisStateStorage', () => storageContract((options) => new RedisStateStorage(cluster.redis(), cluster.keys(), options)));
  describe('RedisTranscriptStore', () => transcriptStoreContract((options) => new RedisTranscriptStore(cluster.redis(), cluster.keys(), options)));
  describe('RedisConversationReferenceStore', () =>
    referenceStoreContract((options) => new RedisConversationReferenceStore(cluster.redis(), cluster.keys(), options)));
  describe('RedisDedupeStore', () => dedupeStoreContract(() => new RedisDedupeStore(cluster.redis(), cluster.keys())));
  describe('RedisConversationLock', () => conversationLockContract(() => new RedisConversationLock(cluster.redis(), cluster.keys())));
  describe('RedisDirectLineStore', () => directLineStoreContract((options) => new RedisDirectLineStore(cluster.redis(), cluster.keys(), options)));

  bookingStoreContract('redis cluster (two clients = two processes)', async () => {
    const keys = cluster.keys();
    return { store: new RedisBookingStore(cluster.redis(), keys), second: new RedisBookingStore(cluster.connect(), keys), close: async () => undefined };
  });

  intakeStoreContract('redis cluster (two clients)', async () => {
    const keys = cluster.keys();
    let nowMs = Date.parse('2025-06-15T12:00:00Z');
    const now = () => new Date(nowMs);
    return {
      store: new RedisIntakeStore(cluster.redis(), keys, { now }),
      second: new RedisIntakeStore(cluster.connect(), keys, { now }),
      advance: (ms) => {
        nowMs += ms;
      },
      close: async () => undefined,
    };
  });

  refillTicketStoreContract('redis cluster (two clients)', async () => {
    const keys = cluster.keys();
    let nowMs = Date.parse('2026-12-02T15:00:00Z');
    const now = () => new Date(nowMs);
    const ttlSeconds = 3 * 24 * 3600;
    return {
      store: new RedisRefillTicketStore(cluster.redis(), keys, { now, ttlSeconds }),
      second: new RedisRefillTicketStore(cluster.connect(), keys, { now, ttlSeconds }),
      ttlSeconds,
      advance: (ms) => {
        nowMs += ms;
      },
      close: async () => undefined,
    };
  });
});
