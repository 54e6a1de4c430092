import { randomBytes } from 'node:crypto';
import { agentCall, agentToken, ChannelRecorder, conv, Customer, SseClient, supervisorToken } from '../../http/agent/agentHarness';
import { TandemProcess } from './tandemProcess';

const texts = (replies: { type: string; text?: string }[]) => replies.filter((a) => a.type === 'message').map((a) => a.text ?? '');

/** Where both processes keep their state: the environment that points them at it, and how to clean it up after. */
export interface SharedState {
  readonly env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** The customer on process A, the agent on process B, over the state `sharedState` points both at. */
export function twoProcessesSuite(sharedState: () => Promise<SharedState>): void {
  jest.setTimeout(60_000);
  let shared: SharedState;
  let a: TandemProcess;
  let b: TandemProcess;
  let recorder: ChannelRecorder;
  let sseA: SseClient;
  let sseB: SseClient;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    shared = await sharedState();
    const env = { ...shared.env, DIRECTLINE_SECRET: randomBytes(32).toString('hex') };
    [a, b] = await Promise.all([TandemProcess.start(env), TandemProcess.start(env)]);
    sseA = await SseClient.open(`${a.baseUrl}/api/agent/events?access_token=${supervisorToken}`);
    sseB = await SseClient.open(`${b.baseUrl}/api/agent/events?access_token=${agentToken}`);
  });
  afterAll(async () => {
    sseA?.close();
    sseB?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await recorder.stop();
    await shared?.cleanup();
  });

  it('carries the whole handoff across processes, once, with the bot silent while the human owns the chat', async () => {
    // Presence is shared: a heartbeat on B lets A queue the customer.
    expect((await agentCall(b.baseUrl, 'POST', '/api/agent/heartbeat')).status).toBe(200);
    const customer = new Customer(a.baseUrl, recorder.url);
    const id = customer.conversationId;
    expect((await customer.askForHuman()).join(' ')).toMatch(/connecting you with a person/);

    await sseB.waitFor((e) => e.event === 'queued' && e.data.conversationId === id);
    const queue = await agentCall<{ items: { conversationId: string }[] }>(b.baseUrl, 'GET', '/api/agent/queue');
    expect(queue.json.items.map((i) => i.conversationId)).toContain(id);

    const claim = await agentCall(b.baseUrl, 'POST', `${conv(id)}/claim`);
    expect(claim.status).toBe(200);
    await recorder.waitFor(id, (m) => m.channelData?.tandem?.kind === 'agent_joined');

    expect((await agentCall(b.baseUrl, 'POST', `${conv(id)}/messages`, { body: { text: 'Hello from process B', idempotencyKey: 'b-1' } })).status).toBe(202);
    const delivered = await recorder.waitFor(id, (m) => m.text === 'Hello from process B');
    expect(delivered.channelData?.agent?.name).toBe('Dev Agent');

    expect(texts(await customer.say('thanks, my order 4521 is late'))).toEqual([]);
    expect(texts(await customer.say('what are your opening hours?'))).toEqual([]);
    await sseB.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === 'what are your opening hours?');
    const pack = await agentCall<{ transcript: { from: string; text: string }[] }>(b.baseUrl, 'GET', conv(id));
    expect(pack.json.transcript.map((l) => `${l.from}: ${l.text}`)).toEqual(
      expect.arrayContaining(['agent: Hello from process B', 'user: what are your opening hours?']),
    );

    const released = await agentCall(b.baseUrl, 'POST', `${conv(id)}/release`, { body: { disposition: 'return_to_bot', note: 'customer wants to book an appointment' } });
    expect(released.json).toMatchObject({ state: 'bot', handback: 'delivered' });
    await recorder.waitFor(id, (m) => /handed you back/.test(m.text ?? ''));
    await recorder.waitFor(id, (m) => /what kind of appointment/i.test(m.text ?? ''));
    // The dialog B started is in Redis: A carries it on.
    expect(texts(await customer.say('a dental cleaning')).join(' ')).toMatch(/day|date|when|time|slot|provider|available/i);

    // Every event reached each process's console exactly once; the bot never spoke while the human owned the chat.
    for (const sse of [sseA, sseB]) {
      await sse.waitFor((e) => e.event === 'released' && e.data.conversationId === id);
      const types = sse.events.filter((e) => e.data.conversationId === id).map((e) => e.event);
      expect(types.filter((t) => t === 'queued')).toHaveLength(1);
      expect(types.filter((t) => t === 'claimed')).toHaveLength(1);
      expect(types.filter((t) => t === 'released')).toHaveLength(1);
      const messages = sse.of('message', id).map((e) => `${String(e.data.data?.from)}: ${String(e.data.data?.text)}`);
      expect(messages).toEqual(['agent: Hello from process B', 'user: thanks, my order 4521 is late', 'user: what are your opening hours?']);
    }
    const between = recorder.messagesTo(id);
    const joinedAt = between.findIndex((m) => m.channelData?.tandem?.kind === 'agent_joined');
    const handedBackAt = between.findIndex((m) => /handed you back/.test(m.text ?? ''));
    expect(between.slice(joinedAt, handedBackAt).every((m) => m.channelData?.agent)).toBe(true);
    expect(between.filter((m) => m.text === 'Hello from process B')).toHaveLength(1);
  });

  it('gives each conversation to exactly one agent when claims race on A and on B', async () => {
    await agentCall(a.baseUrl, 'POST', '/api/agent/heartbeat');
    const customers = Array.from({ length: 6 }, () => new Customer(a.baseUrl, recorder.url));
    for (const customer of customers) await customer.askForHuman();
    for (const customer of customers) {
      const path = `${conv(customer.conversationId)}/claim`;
      const results = await Promise.all([
        agentCall(a.baseUrl, 'POST', path, { token: agentToken }),
        agentCall(b.baseUrl, 'POST', path, { token: supervisorToken }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results[0]!.status === 200 ? 'dev-agent' : 'dev-supervisor';
      expect((await agentCall<{ assignedAgent: string }>(b.baseUrl, 'GET', conv(customer.conversationId), { token: supervisorToken })).json.assignedAgent).toBe(winner);
      await recorder.waitFor(customer.conversationId, (m) => /You are now chatting with/.test(m.text ?? ''));
    }
    for (const customer of customers) {
      expect(recorder.messagesTo(customer.conversationId).filter((m) => /You are now chatting with/.test(m.text ?? ''))).toHaveLength(1);
    }
  });
}
