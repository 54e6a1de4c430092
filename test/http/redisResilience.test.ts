import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { canRunThrowawayRedis, freePort, sleep, startRedis, stopRedis } from '../support/throwawayRedis';
import { post, message } from '../support/startApp';

const describeResilience = canRunThrowawayRedis ? describe : describe.skip;

/** Collects JSON log lines so tests can check what an operator would read. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describeResilience('Redis lost and regained, through the HTTP stack', () => {
  let redisPort: number;
  let redis: ChildProcess | undefined;

  beforeAll(async () => {
    redisPort = await freePort();
  });
  afterEach(async () => {
    if (redis) await stopRedis(redis);
    redis = undefined;
  });

  async function listen(env: NodeJS.ProcessEnv) {
    const { logger, lines } = memoryLogger();
    const app = buildApp(loadConfig({ LOG_LEVEL: 'info', ...env }), { logger });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const { port } = app.server.address();
    return {
      app,
      lines,
      baseUrl: `http://127.0.0.1:${port}`,
      stop: async () => {
        await new Promise<void>((resolve) => app.server.close(() => resolve()));
        await app.close();
      },
    };
  }

  it('fails /readyz while Redis is down at start-up without telling the caller the URL (the log names REDIS_URL), and becomes ready when it comes up', async () => {
    const running = await listen({ REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_KEY_PREFIX: `t${randomUUID().slice(0, 8)}` });
    try {
      const notReady = await fetch(`${running.baseUrl}/readyz`);
      expect(notReady.status).toBe(503);
      const body = await notReady.text();
      expect(JSON.parse(body)).toEqual({ status: 'not_ready', checks: { state: 'unreachable' } });
      expect(body).not.toMatch(/redis:|127\.0\.0\.1|REDIS_URL|ECONNREFUSED/i);
      expect(body).not.toContain(String(redisPort));
      expect(JSON.stringify(running.lines)).toMatch(/REDIS_URL/);

      redis = await startRedis(redisPort);
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i += 1) {
        await sleep(150);
        status = (await fetch(`${running.baseUrl}/readyz`)).status;
      }
      expect(status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('answers turns with a user-safe apology while Redis is lost and recovers without a restart', async () => {
    redis = await startRedis(redisPort);
    const running = await listen({ REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_KEY_PREFIX: `t${randomUUID().slice(0, 8)}` });
    const conversationId = `c-${randomUUID()}`;
    try {
      const before = await post(running.baseUrl, message(conversationId, 'what are your opening hours'));
      expect(before.status).toBe(200);

      await stopRedis(redis);
      redis = undefined;
      const during = await post(running.baseUrl, message(conversationId, 'what are your opening hours'));
      expect([200, 503]).toContain(during.status);
      const said = [during.json.error?.message, ...(during.json.activities ?? []).map((a) => a.text)].join(' ');
      expect(said).toMatch(/trouble reaching my memory|try again/i);
      expect(said).not.toMatch(/ECONNREFUSED|ioredis|stack|127\.0\.0\.1|REDIS/);

      redis = await startRedis(redisPort);
      let recovered = false;
      for (let i = 0; i < 40 && !recovered; i += 1) {
        await sleep(150);
        const after = await post(running.baseUrl, message(conversationId, 'what are your opening hours'));
        recovered = after.status === 200 && /hour|open/i.test(JSON.stringify(after.json));
      }
      expect(recovered).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
