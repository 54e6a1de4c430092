import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ChannelRecorder } from '../http/agent/agentHarness';
import { TandemProcess } from '../handoff/flows/tandemProcess';
import { message, post } from '../support/startApp';
import { canRunThrowawayRedis, freePort, sleep, startRedis, stopRedis } from '../support/throwawayRedis';
import { HeldLanguageModel } from './heldLanguageModel';

// Needs a redis-server of its own; in CI (CI=true) a missing binary fails this suite instead of skipping it.
const describeFault = canRunThrowawayRedis ? describe : describe.skip;

describeFault('kill -9 of Tandem in the middle of a turn (real Redis, real process)', () => {
  jest.setTimeout(180_000);
  let redis: ChildProcess | undefined;
  let redisPort: number;
  let recorder: ChannelRecorder;
  let model: HeldLanguageModel;
  const processes: TandemProcess[] = [];

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    recorder = await new ChannelRecorder().start();
    model = await new HeldLanguageModel().start();
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await model?.stop();
    await recorder?.stop();
    if (redis) await stopRedis(redis);
  });

  it("answers the channel's retry of the interrupted activity exactly once", async () => {
    const env = {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_KEY_PREFIX: `kill${randomBytes(3).toString('hex')}`,
      DIRECTLINE_SECRET: randomBytes(32).toString('hex'),
      // FAQ answers go through the language model, which holds the turn until the test lets it go.
      LLM_PROVIDER: 'openai',
      LLM_API_KEY: 'test-key',
      LLM_MODEL: 'test-model',
      LLM_BASE_URL: model.url,
      LLM_TIMEOUT_MS: '120000',
      // A crashed turn's lease runs out quickly, so the retry is taken over without a long wait.
      DEDUPE_LEASE_MS: '2000',
      CONVERSATION_LOCK_TTL_MS: '3000',
    };
    const conversationId = `c-kill-${randomBytes(4).toString('hex')}`;
    const activity = message(conversationId, 'what are your opening hours?', { serviceUrl: recorder.url, deliveryMode: 'normal' });

    const first = await TandemProcess.start(env);
    processes.push(first);
    const cut = post(first.baseUrl, activity).then(
      (response) => `answered ${response.status}`,
      () => 'cut',
    );
    await model.waitForRequests(1);
    await first.kill();
    expect(await cut).toBe('cut');
    expect(recorder.messagesTo(conversationId)).toEqual([]);

    model.answerFromNowOn();
    const second = await TandemProcess.start(env);
    processes.push(second);
    // The channel retries the same activity (same id) until it is accepted: a retry while the dead turn's
    // lease still holds is refused as retryable, never answered, never dropped.
    const statuses: number[] = [];
    for (;;) {
      const response = await fetch(`${second.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      statuses.push(response.status);
      if (response.status === 200) break;
      expect(response.status).toBe(503);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      await sleep(retryAfter * 1000);
    }
    const answers = recorder.messagesTo(conversationId).map((m) => m.text ?? '');
    expect(answers.join(' ')).toMatch(/open|hour/i);

    // A further retry of the finished turn is answered with nothing.
    expect((await post(second.baseUrl, activity)).status).toBe(200);
    const after = recorder.messagesTo(conversationId).map((m) => m.text ?? '');
    expect(after).toEqual(answers);
    expect(new Set(after).size).toBe(after.length);
  });
});
