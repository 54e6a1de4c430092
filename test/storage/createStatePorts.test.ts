import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { TandemError } from '../../src/errors';
import type { HandoffEvent } from '../../src/handoff/events';
import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { silentLogger } from '../../src/observability/logger';
import { createStatePorts } from '../../src/storage/createStatePorts';
import { RedisHandoffStore } from '../../src/storage/handoff/redisHandoffStore';
import { runRedis } from '../../src/storage/redis/runRedis';
import type { StatePorts } from '../../src/storage/statePorts';
import { describeCluster, useClusterFixture } from '../support/clusterFixture';
import { cleanupRedis, connectTestRedis, describeRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { freePort } from '../support/throwawayRedis';
import { captureLogs } from './logCapture';

async function exercise(backend: StatePorts): Promise<void> {
  await backend.storage.write({ k: { v: 1 } });
  expect((await backend.storage.read(['k'])).k).toMatchObject({ v: 1 });
  await expect(backend.dedupe.begin('webchat:a1', 60_000)).resolves.toMatchObject({ status: 'started' });
  await expect(backend.dedupe.begin('webchat:a1', 60_000)).resolves.toEqual({ status: 'in_progress' });
  const lock = await backend.locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
  await lock.release();
  await backend.references.save({ conversation: { id: 'conv-1', isGroup: false, conversationType: '', name: '' } });
  await expect(backend.references.get('conv-1')).resolves.toBeDefined();
  await backend.transcripts.logActivity({
    type: 'message',
    id: 'a1',
    channelId: 'webchat',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u', role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    text: 'call me on 555-123-4567',
  } as Activity);
  const page = await backend.transcripts.getTranscriptActivities('webchat', 'conv-1');
  expect(page.items.map((a) => a.text)).toEqual(['call me on [phone]']);
  await backend.handoff.presence.heartbeat('dana');
  expect(await backend.handoff.presence.online()).toEqual(['dana']);
  const ticket = await backend.domainStores.refillTickets.create({
    patientRef: 'pt-0123456789abcdef01234567',
    medication: 'metformin',
    strength: '500 mg',
    pharmacy: 'Walgreens',
    conversationId: 'conv-1',
    replyBy: '2030-03-06T17:00:00.000Z',
  });
  await expect(backend.domainStores.refillTickets.get(ticket.id)).resolves.toMatchObject({ medication: 'metformin' });
  await backend.directLine.create({ conversationId: 'dl-1', userId: 'u', createdAt: '2025-03-03T15:00:00.000Z' });
  await expect(backend.directLine.get('dl-1')).resolves.toMatchObject({ conversationId: 'dl-1' });
  await expect(backend.requestLimiters({ name: 'probe', points: 1, durationSeconds: 60 }).take('a')).resolves.toEqual({ allowed: true });
}

/** Two sets of ports on one store ("two processes"): a queued conversation and an event cross from one to the other. */
async function shareHandoff(one: StatePorts, two: StatePorts): Promise<void> {
  const received: HandoffEvent[] = [];
  two.handoff.bus.subscribe((e) => received.push(e));
  await two.handoff.bus.ready();
  await one.handoff.store.enqueue({ conversationId: 'x', channelId: 'webchat', priority: 'normal', reasonCodes: ['user_requested'], summary: '' });
  expect(await two.handoff.store.position('x')).toBe(1);
  await one.handoff.bus.publish({ type: 'claimed', conversationId: 'x', at: new Date().toISOString(), data: { agentId: 'dana', fencingToken: 1 } });
  for (let i = 0; i < 50 && received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
  expect(received.map((e) => e.type)).toEqual(['claimed']);
}

describe('createStatePorts without REDIS_URL or REDIS_CLUSTER_NODES', () => {
  it('builds working in-memory ports', async () => {
    const backend = createStatePorts(loadConfig({}), { logger: silentLogger });
    expect(backend.kind).toBe('memory');
    expect(backend.handoff.store).toBeInstanceOf(MemoryHandoffStore);
    await exercise(backend);
    await expect(backend.ping()).resolves.toBeUndefined();
    await expect(backend.close()).resolves.toBeUndefined();
  });

  it('treats an empty REDIS_URL as unset', () => {
    expect(createStatePorts(loadConfig({ REDIS_URL: '' }), { logger: silentLogger }).kind).toBe('memory');
  });
});

describe('createStatePorts with an unreachable REDIS_URL', () => {
  it('does not connect until used, then fails ping fast with a message naming REDIS_URL but not the password', async () => {
    const port = await freePort();
    const logs = captureLogs();
    const backend = createStatePorts(loadConfig({ REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}`, REDIS_KEY_PREFIX: 't' }), { logger: logs.logger });
    if (backend.kind !== 'redis') throw new Error('expected the Redis ports');
    expect(backend.redis.status).toBe('wait');
    // No offline queue: the ping is refused at once instead of waiting for a Redis that never comes.
    const failure = await backend.ping().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TandemError);
    expect(failure).toMatchObject({ code: 'STATE_UNAVAILABLE' });
    const message = (failure as Error).message;
    expect(message).toContain('REDIS_URL');
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).not.toContain('hunter2secret');

    await expect(backend.storage.read(['k'])).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
    await expect(backend.dedupe.begin('x', 60_000)).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
    await expect(backend.locks.acquire('c', { ttlMs: 1000, waitMs: 1000 })).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });

    const errors = logs.lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.msg)).toContain('REDIS_URL');
    expect(logs.raw()).not.toContain('hunter2secret');
    await backend.close();
  });
});

describeRedis('createStatePorts with REDIS_URL', () => {
  const prefix = uniquePrefix('ports');
  const config = loadConfig({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix });
  afterAll(async () => {
    await cleanupRedis(connectTestRedis(), prefix);
  });

  it('builds working Redis ports that share one exposed connection, and closes it and the subscriber', async () => {
    const backend = createStatePorts(config, { logger: silentLogger });
    if (backend.kind !== 'redis') throw new Error('expected the Redis ports');
    expect(backend.handoff.store).toBeInstanceOf(RedisHandoffStore);
    await backend.ping();
    await exercise(backend);
    await expect(runRedis(backend.redis, () => backend.redis.exists(backend.keys.lock('conv-1')))).resolves.toBe(0);
    expect(await backend.redis.keys(`${prefix}:*`)).toEqual(expect.arrayContaining([backend.keys.dedupe('webchat:a1')]));
    await backend.handoff.bus.ready();
    await backend.close();
    expect(backend.redis.status).toBe('end');
    await expect(backend.ping()).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
  });

  it('lets two processes share the handoff queue and its events', async () => {
    const [one, two] = [createStatePorts(config, { logger: silentLogger }), createStatePorts(config, { logger: silentLogger })];
    await shareHandoff(one, two);
    await Promise.all([one.close(), two.close()]);
  });
});

describeCluster('createStatePorts with REDIS_CLUSTER_NODES', () => {
  jest.setTimeout(60_000);
  const cluster = useClusterFixture();
  const config = () => loadConfig({ REDIS_CLUSTER_NODES: cluster.nodes(), REDIS_KEY_PREFIX: uniquePrefix('clports') });

  it('builds every port on the cluster, and two processes share the handoff queue and its events', async () => {
    const shared = config();
    const [one, two] = [createStatePorts(shared, { logger: silentLogger }), createStatePorts(shared, { logger: silentLogger })];
    expect(one.kind).toBe('redis');
    await one.ping();
    await exercise(one);
    await shareHandoff(one, two);
    await Promise.all([one.close(), two.close()]);
  });

  it('fails fast with a message naming REDIS_CLUSTER_NODES when no node answers', async () => {
    const logs = captureLogs();
    const port = await freePort();
    const backend = createStatePorts(loadConfig({ REDIS_CLUSTER_NODES: `127.0.0.1:${port}` }), { logger: logs.logger });
    const failure = await backend.ping().then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure).toMatchObject({ code: 'STATE_UNAVAILABLE' });
    expect(failure?.message).toContain(`REDIS_CLUSTER_NODES=127.0.0.1:${port}`);
    await backend.close();
  });
});
