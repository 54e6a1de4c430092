import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { QueueItem } from '../../../src/handoff/agentDesk';
import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, ChannelRecorder, conv, Customer } from '../../http/agent/agentHarness';
import { canRunThrowawayRedis, freePort, sleep, startRedis, stopRedis } from '../../support/throwawayRedis';

// Needs its own redis-server to stop and start again; CI must have it.
const describeRestart = canRunThrowawayRedis ? describe : describe.skip;

/** A throwaway redis-server with an append-only file in `dir`, so a restart reloads every write. */
const startAofRedis = (port: number, dir: string): Promise<ChildProcess> =>
  startRedis(port, ['--save', '', '--appendonly', 'yes', '--dir', dir]);

describeRestart('Redis restarted while conversations are queued', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let port: number;
  let redis: ChildProcess;
  let running: RunningApp;
  let recorder: ChannelRecorder;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-aof-'));
    port = await freePort();
    redis = await startAofRedis(port, dir);
    recorder = await new ChannelRecorder().start();
    running = await startApp({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'restart' });
  });
  afterAll(async () => {
    await running?.stop();
    await recorder?.stop();
    if (redis) await stopRedis(redis, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const queue = async () => (await agentCall<{ items: QueueItem[] }>(running.baseUrl, 'GET', '/api/agent/queue')).json.items;

  it('loses nothing: the same conversations, in the same order, and they can still be claimed', async () => {
    expect((await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat')).status).toBe(200);
    const customers = Array.from({ length: 4 }, () => new Customer(running.baseUrl, recorder.url));
    for (const customer of customers) expect((await customer.askForHuman()).join(' ')).toMatch(/connecting you/);
    const before = await queue();
    expect(before.map((i) => i.conversationId)).toEqual(customers.map((c) => c.conversationId));

    await stopRedis(redis, 'SIGTERM');
    const during = await agentCall(running.baseUrl, 'GET', '/api/agent/queue');
    expect(during.status).toBe(503);
    expect(during.json.error?.code).toBe('STATE_UNAVAILABLE');
    redis = await startAofRedis(port, dir);

    // The client reconnects by itself; give it a moment.
    let after: QueueItem[] = [];
    for (let i = 0; i < 50; i += 1) {
      const response = await agentCall<{ items: QueueItem[] }>(running.baseUrl, 'GET', '/api/agent/queue');
      if (response.status === 200) {
        after = response.json.items;
        break;
      }
      await sleep(100);
    }
    expect(after.map((i) => ({ conversationId: i.conversationId, position: i.position, waitingSince: i.waitingSince }))).toEqual(
      before.map((i) => ({ conversationId: i.conversationId, position: i.position, waitingSince: i.waitingSince })),
    );

    const first = customers[0]!;
    expect((await agentCall(running.baseUrl, 'POST', `${conv(first.conversationId)}/claim`)).status).toBe(200);
    await recorder.waitFor(first.conversationId, (m) => /You are now chatting with/.test(m.text ?? ''));
    expect((await first.texts('are you there?'))).toEqual([]);
    expect((await queue()).map((i) => i.conversationId)).toEqual(customers.slice(1).map((c) => c.conversationId));
  });
});
