import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agentCall, ChannelRecorder, conv, Customer, supervisorToken } from '../http/agent/agentHarness';
import { TandemProcess } from '../handoff/flows/tandemProcess';
import { canRunThrowawayRedis, freePort, sleep, startRedis, stopRedis } from '../support/throwawayRedis';

// Needs a redis-server of its own; in CI (CI=true) a missing binary fails this suite instead of skipping it.
const describeFault = canRunThrowawayRedis ? describe : describe.skip;

/** Every acknowledged write reaches the append-only file before Redis answers, so kill -9 loses none of them. */
const startDurableRedis = (port: number, dir: string): Promise<ChildProcess> =>
  startRedis(port, ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir]);

/** What one sender saw: what was accepted, how often it was told to retry, and anything else. */
class Ledger {
  readonly accepted: string[] = [];
  retryableRefusals = 0;
  readonly otherRefusals: string[] = [];
  connectionErrors = 0;

  constructor(readonly name: string) {}

  /** Sends until accepted, honouring 503 + Retry-After like a channel or a console would. */
  async deliver(text: string, attempt: () => Promise<Response>): Promise<void> {
    for (;;) {
      let response: Response;
      try {
        response = await attempt();
      } catch {
        this.connectionErrors += 1;
        await sleep(500);
        continue;
      }
      const body = await response.text();
      if (response.status >= 200 && response.status < 300) {
        this.accepted.push(text);
        return;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      if (response.status === 503 && retryAfter > 0) {
        this.retryableRefusals += 1;
        await sleep(retryAfter * 1000);
        continue;
      }
      this.otherRefusals.push(`${text}: HTTP ${response.status} ${body.slice(0, 200)}`);
      return;
    }
  }
}

/** How often each text arrived. */
function tally(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describeFault('Redis down for about 10 s while customers and an agent keep talking (real Redis, real process)', () => {
  jest.setTimeout(300_000);
  let dir: string;
  let redisPort: number;
  let redis: ChildProcess | undefined;
  let recorder: ChannelRecorder;
  let tandem: TandemProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-outage-'));
    redisPort = await freePort();
    redis = await startDurableRedis(redisPort, dir);
    recorder = await new ChannelRecorder().start();
  });
  afterAll(async () => {
    await tandem?.kill();
    await recorder?.stop();
    if (redis) await stopRedis(redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and doubles nothing: each message is accepted and delivered once, or refused with 503 + Retry-After', async () => {
    const high = '1000000';
    tandem = await TandemProcess.start({
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_KEY_PREFIX: `outage${randomBytes(3).toString('hex')}`,
      DIRECTLINE_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_ACTIVITIES_PER_MINUTE: high,
      RATE_LIMIT_MESSAGES_PER_MINUTE: high,
    });
    const base = tandem.baseUrl;

    // A customer on a Bot Framework channel and one on web chat, both talking to the dev agent.
    expect((await agentCall(base, 'POST', '/api/agent/heartbeat')).status).toBe(200);
    const channelCustomer = new Customer(base, recorder.url);
    expect((await channelCustomer.askForHuman()).join(' ')).toMatch(/connecting you/);
    const session = (await (await fetch(`${base}/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const webChat = { id: session.conversationId, auth: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' } };
    expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: webChat.auth })).status).toBe(201);
    const webChatActivities = `${base}/v3/directline/conversations/${webChat.id}/activities`;
    const askForHuman = await fetch(webChatActivities, { method: 'POST', headers: webChat.auth, body: JSON.stringify({ type: 'message', text: 'I want to talk to a human agent please' }) });
    expect(askForHuman.status).toBe(200);
    for (const id of [channelCustomer.conversationId, webChat.id]) {
      await waitUntil(async () => (await agentCall(base, 'POST', `${conv(id)}/claim`)).status === 200, `the claim of ${id}`);
    }

    const customerA = new Ledger('channel customer');
    const customerB = new Ledger('web chat customer');
    const agent = new Ledger('agent');
    let stopping = false;
    const talk = async (ledger: Ledger, send: (i: number) => Promise<void>) => {
      for (let i = 1; !stopping; i += 1) {
        await send(i);
        await sleep(150);
      }
      return ledger;
    };
    const talking = Promise.all([
      talk(customerA, (i) => {
        const text = `channel customer message ${i}`;
        const activity = channelCustomer.activity(text);
        return customerA.deliver(text, () => fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }));
      }),
      talk(customerB, (i) => {
        const text = `web chat customer message ${i}`;
        const body = JSON.stringify({ type: 'message', text, channelData: { clientActivityID: `wc-${i}` } });
        return customerB.deliver(text, () => fetch(webChatActivities, { method: 'POST', headers: webChat.auth, body }));
      }),
      talk(agent, (i) => {
        const to = i % 2 === 0 ? channelCustomer.conversationId : webChat.id;
        const text = `agent reply ${i} to ${to === webChat.id ? 'web chat' : 'channel'}`;
        const body = { text, idempotencyKey: `reply-${i}` };
        return agent.deliver(text, () => fetch(`${base}${conv(to)}/messages`, { method: 'POST', headers: { authorization: 'Bearer dev-agent-token', 'content-type': 'application/json' }, body: JSON.stringify(body) }));
      }),
    ]);
    const ledgers = [customerA, customerB, agent];

    await waitUntil(() => ledgers.every((l) => l.accepted.length >= 2), 'traffic before the outage');
    await stopRedis(redis!, 'SIGKILL');
    redis = undefined;
    // About 10 s down, and long enough that every sender was told to retry at least twice.
    await sleep(10_000);
    await waitUntil(() => ledgers.every((l) => l.retryableRefusals >= 2), 'every sender to meet the outage');
    redis = await startDurableRedis(redisPort, dir);
    const acceptedAtRecovery = ledgers.map((l) => l.accepted.length);
    await waitUntil(() => ledgers.every((l, i) => l.accepted.length >= acceptedAtRecovery[i]! + 3), 'traffic after the outage');
    stopping = true;
    await talking;

    // Where each message ends up: the agent's transcript, the channel, the web chat history.
    const transcriptOf = async (id: string) => {
      const lines: { from: string; text: string }[] = [];
      for (let page: number | null = 1; page !== null; ) {
        const pack: { status: number; json: { transcript: { from: string; text: string }[]; transcriptPage: { nextPage: number | null } } } = await agentCall<{ transcript: { from: string; text: string }[]; transcriptPage: { nextPage: number | null } }>(base, 'GET', `${conv(id)}?pageSize=200&page=${page}`, { token: supervisorToken });
        if (pack.status !== 200) throw new Error(`context pack ${pack.status}`);
        lines.push(...pack.json.transcript);
        page = pack.json.transcriptPage.nextPage;
      }
      return lines;
    };
    const webChatHistory = async () => {
      const response = await fetch(webChatActivities, { headers: webChat.auth });
      return ((await response.json()) as { activities: { type: string; text?: string; from: { role: string } }[] }).activities;
    };
    const delivered = async () => {
      const [a, b, history] = await Promise.all([transcriptOf(channelCustomer.conversationId), transcriptOf(webChat.id), webChatHistory()]);
      return {
        [customerA.name]: tally(a.filter((l) => l.from === 'user').map((l) => l.text)),
        [customerB.name]: tally(b.filter((l) => l.from === 'user').map((l) => l.text)),
        [agent.name]: tally([
          ...recorder.messagesTo(channelCustomer.conversationId).map((m) => m.text ?? ''),
          ...history.filter((m) => m.type === 'message' && m.from.role === 'bot').map((m) => m.text ?? ''),
        ]),
      };
    };
    const lostOf = (counts: Record<string, Map<string, number>>) => ledgers.flatMap((l) => l.accepted.filter((text) => !counts[l.name]!.has(text)));
    await waitUntil(async () => lostOf(await delivered()).length === 0, 'every accepted message to arrive', 60_000).catch(() => undefined);

    const counts = await delivered();
    const lost = lostOf(counts);
    const doubled = ledgers.flatMap((l) => [...counts[l.name]!].filter(([text, n]) => text.includes('message') || text.startsWith('agent reply') ? n > 1 : false).map(([text, n]) => `${text} ×${n}`));
    const report = ledgers.map((l) => `${l.name}: ${l.accepted.length} accepted, ${l.retryableRefusals} retryable refusals, ${l.connectionErrors} connection errors`);
    expect({ lost, doubled, otherRefusals: ledgers.flatMap((l) => l.otherRefusals), report }).toEqual({ lost: [], doubled: [], otherRefusals: [], report });
    expect(ledgers.every((l) => l.connectionErrors === 0)).toBe(true);
  });
});
