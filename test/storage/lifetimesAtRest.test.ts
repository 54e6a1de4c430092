import { randomUUID } from 'node:crypto';
import { connectTestRedis, describeRedis, testRedisUrl, uniquePrefix, cleanupRedis } from '../support/redis';
import { message, post, type RunningApp, startApp } from '../support/startApp';

describeRedis('Lifetimes at rest, through the real app on Redis', () => {
  const prefix = uniquePrefix('ttl');
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({
      REDIS_URL: testRedisUrl,
      REDIS_KEY_PREFIX: prefix,
      BOT_STATE_TTL_SECONDS: '3600',
      TRANSCRIPT_TTL_SECONDS: '7200',
      REFILL_TICKET_TTL_SECONDS: '86400',
    });
  });
  afterAll(async () => {
    await running.stop();
    await cleanupRedis(connectTestRedis(), prefix);
  });

  it('gives every key a conversation turn writes (state, transcript, dedupe, references) an expiry', async () => {
    const conversationId = `c-${randomUUID()}`;
    for (const text of ['where is my order TD-100001', 'ann.lee@example.com', 'thanks']) {
      expect((await post(running.baseUrl, message(conversationId, text))).status).toBe(200);
    }
    const redis = connectTestRedis();
    try {
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys.some((key) => key.includes(':state:'))).toBe(true);
      expect(keys.some((key) => key.includes(':transcript:'))).toBe(true);
      const withoutExpiry: string[] = [];
      for (const key of keys) if ((await redis.ttl(key)) < 0) withoutExpiry.push(key.slice(prefix.length));
      expect(withoutExpiry).toEqual([]);
      const stateKey = keys.find((key) => key.includes(':state:'))!;
      const stateTtl = await redis.ttl(stateKey);
      expect(stateTtl).toBeGreaterThan(3000);
      expect(stateTtl).toBeLessThanOrEqual(3600);
    } finally {
      await redis.quit();
    }
  });

  it('gives a refill ticket the configured lifetime', async () => {
    const conversationId = `c-${randomUUID()}`;
    for (const text of ['refill my lisinopril 10 mg at CVS', 'yes']) {
      expect((await post(running.baseUrl, message(conversationId, text))).status).toBe(200);
    }
    const redis = connectTestRedis();
    try {
      const keys = await redis.keys(`${prefix}:*{refill}*`);
      expect(keys.some((key) => key.includes(':ticket:RX-'))).toBe(true);
      for (const key of keys) {
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(86000);
        expect(ttl).toBeLessThanOrEqual(86400);
      }
    } finally {
      await redis.quit();
    }
  });
});
