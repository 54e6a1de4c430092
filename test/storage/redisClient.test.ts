import { silentLogger } from '../../src/observability/logger';
import { closeRedisClient, createRedisClient, maskRedisUrl, redisDisplayTarget } from '../../src/storage/redis/redisClient';
import { runRedis } from '../../src/storage/redis/runRedis';
import { describeRedis, testRedisUrl } from '../support/redis';

describe('maskRedisUrl', () => {
  it.each([
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://:s3cret@cache:6379/2', 'redis://:***@cache:6379/2'],
    ['rediss://app:s3cret@cache.example:6380', 'rediss://***:***@cache.example:6380'],
    ['not a url', 'redis://(unparseable REDIS_URL)'],
  ])('shows %s as %s', (url, shown) => {
    expect(maskRedisUrl(url)).toBe(shown);
  });
});

describe('createRedisClient', () => {
  it('does not connect before the first command and remembers its masked URL', async () => {
    const redis = createRedisClient('redis://:s3cret@127.0.0.1:1', silentLogger);
    expect(redis.status).toBe('wait');
    expect(redisDisplayTarget(redis)).toBe('REDIS_URL=redis://:***@127.0.0.1:1');
    await closeRedisClient(redis);
  });
});

describeRedis('runRedis', () => {
  it('returns command results and maps a rejected command to INTERNAL, not STATE_UNAVAILABLE', async () => {
    const redis = createRedisClient(testRedisUrl, silentLogger);
    try {
      await expect(runRedis(redis, () => redis.ping())).resolves.toBe('PONG');
      await expect(runRedis(redis, () => redis.call('NO-SUCH-COMMAND'))).rejects.toMatchObject({ code: 'INTERNAL' });
    } finally {
      await closeRedisClient(redis);
    }
    expect(redis.status).toBe('end');
    await expect(runRedis(redis, () => redis.ping())).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
  });
});
