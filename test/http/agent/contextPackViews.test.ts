import { randomBytes } from 'node:crypto';
import { cleanupRedis, connectTestRedis, describeRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import { clockStartingAt, testNow } from '../../support/testClock';
import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, agentToken, ChannelRecorder, clinicianToken, conv, Customer, supervisorToken } from './agentHarness';

const said = 'my name is Pat Quinlan, card 4111 1111 1111 1111, SSN 123-45-6789, call me at 415-555-0132 about TD-100003';
const secrets = { card: '4111 1111 1111 1111', ssn: '123-45-6789', name: 'Pat Quinlan', phone: '415-555-0132' };

interface Pack {
  viewLevel: string;
  transcript: { from: string; text: string }[];
}

/** Runs the same customer through one app and returns what each viewer's context pack shows of the message. */
async function viewsOf(running: RunningApp, recorder: ChannelRecorder) {
  await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
  const customer = new Customer(running.baseUrl, recorder.url);
  await customer.texts(said);
  await customer.askForHuman();
  const lineOf = async (token: string) => {
    const pack = await agentCall<Pack>(running.baseUrl, 'GET', conv(customer.conversationId), { token });
    expect(pack.status).toBe(200);
    const line = pack.json.transcript.find((l) => l.from === 'user' && l.text.includes('TD-100003'));
    return { level: pack.json.viewLevel, text: line?.text };
  };
  const queued = await lineOf(agentToken);
  expect((await agentCall(running.baseUrl, 'POST', `${conv(customer.conversationId)}/claim`, { token: agentToken })).status).toBe(200);
  return { queued, handling: await lineOf(agentToken), supervisor: await lineOf(supervisorToken), clinician: await lineOf(clinicianToken) };
}

const redactedLine = 'my name is [name], card [card], SSN [ssn], call me at [phone] about TD-100003';

describe.each([
  ['memory, no key (a key of this process)', () => ({})],
  ['memory, TRANSCRIPT_ENCRYPTION_KEY set', () => ({ TRANSCRIPT_ENCRYPTION_KEY: randomBytes(32).toString('base64') })],
])('context pack views end to end (%s)', (_name, env) => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp(env(), { clock: clockStartingAt(testNow) });
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
  });

  it('shows supervisors and clinicians the words as written, the handling agent the task view, the queue the redacted view', async () => {
    const views = await viewsOf(running, recorder);
    expect(views.supervisor).toEqual({ level: 'clear', text: said });
    expect(views.clinician).toEqual({ level: 'clear', text: said });
    expect(views.handling).toEqual({ level: 'task', text: 'my name is Pat Quinlan, card [card], SSN [ssn], call me at 415-555-0132 about TD-100003' });
    expect(views.queued).toEqual({ level: 'redacted', text: redactedLine });
  });
});

describeRedis('context pack views end to end with Redis', () => {
  let recorder: ChannelRecorder;
  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
  });
  afterAll(async () => recorder.stop());

  async function withApp(env: NodeJS.ProcessEnv, check: (running: RunningApp, prefix: string) => Promise<void>): Promise<void> {
    const prefix = uniquePrefix('packviews');
    const running = await startApp({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, ...env }, { clock: clockStartingAt(testNow) });
    try {
      await check(running, prefix);
    } finally {
      await running.stop();
      await cleanupRedis(connectTestRedis(), prefix);
    }
  }

  async function transcriptValues(prefix: string): Promise<string> {
    const redis = connectTestRedis();
    try {
      const keys = await redis.keys(`${prefix}:*transcript:*`);
      const lists = await Promise.all(keys.map((key) => redis.lrange(key, 0, -1)));
      return lists.flat().join('\n');
    } finally {
      await redis.quit();
    }
  }

  it('with TRANSCRIPT_ENCRYPTION_KEY: clear for supervisors, task for the agent, and only sealed text at rest', async () => {
    await withApp({ TRANSCRIPT_ENCRYPTION_KEY: randomBytes(32).toString('hex') }, async (running, prefix) => {
      const views = await viewsOf(running, recorder);
      expect(views.supervisor).toEqual({ level: 'clear', text: said });
      expect(views.handling.text).toContain('Pat Quinlan');
      expect(views.handling.text).not.toContain(secrets.card);
      const atRest = await transcriptValues(prefix);
      expect(atRest).toContain('tandemSealedText');
      for (const secret of Object.values(secrets)) expect(atRest).not.toContain(secret);
    });
  });

  it('without a key: nothing in clear is kept, so every viewer sees the redacted words', async () => {
    await withApp({}, async (running, prefix) => {
      const views = await viewsOf(running, recorder);
      expect(views.supervisor).toEqual({ level: 'clear', text: redactedLine });
      expect(views.handling).toEqual({ level: 'task', text: redactedLine });
      expect(await transcriptValues(prefix)).not.toContain('tandemSealedText');
    });
  });

  it('another process with the same key opens what the first one sealed', async () => {
    const key = randomBytes(32).toString('base64');
    await withApp({ TRANSCRIPT_ENCRYPTION_KEY: key }, async (first, prefix) => {
      await agentCall(first.baseUrl, 'POST', '/api/agent/heartbeat');
      const customer = new Customer(first.baseUrl, recorder.url);
      await customer.texts(said);
      await customer.askForHuman();
      const second = await startApp({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, TRANSCRIPT_ENCRYPTION_KEY: key }, { clock: clockStartingAt(testNow) });
      try {
        const pack = await agentCall<Pack>(second.baseUrl, 'GET', conv(customer.conversationId), { token: supervisorToken });
        expect(pack.json.transcript.map((l) => l.text)).toContain(said);
      } finally {
        await second.stop();
      }
    });
  });
});
