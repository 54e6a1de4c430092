import type { QueueItem } from '../../../src/handoff/agentDesk';
import { post, startApp, type RunningApp } from '../../support/startApp';
import {
  agentCall,
  ChannelRecorder,
  clinicianToken,
  conv,
  Customer,
  SseClient,
  supervisorToken,
  agentToken,
} from './agentHarness';

const messagesOnly = (replies: { type: string; text?: string }[]) => replies.filter((a) => a.type === 'message').map((a) => a.text ?? '');

describe('the human handoff lifecycle over HTTP (memory mode)', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  let sse: SseClient;
  let base: string;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp({ AGENT_SSE_HEARTBEAT_SECONDS: '1' });
    base = running.baseUrl;
    sse = await SseClient.open(`${base}/api/agent/events`, { authorization: `Bearer ${supervisorToken}` });
  });
  afterAll(async () => {
    sse.close();
    await running.stop();
    await recorder.stop();
  });

  /** An agent is online (heartbeat), then the customer asks for a person and is queued. */
  async function queuedCustomer(): Promise<Customer> {
    expect((await agentCall(base, 'POST', '/api/agent/heartbeat')).status).toBe(200);
    const customer = new Customer(base, recorder.url);
    const replies = await customer.askForHuman();
    expect(replies.join(' ')).toMatch(/connecting you with a person/);
    await sse.waitFor((e) => e.event === 'queued' && e.data.conversationId === customer.conversationId);
    return customer;
  }

  async function claimed(token = agentToken): Promise<{ customer: Customer; fencingToken: number }> {
    const customer = await queuedCustomer();
    const claim = await agentCall<{ fencingToken: number }>(base, 'POST', `${conv(customer.conversationId)}/claim`, { token });
    expect(claim.status).toBe(200);
    return { customer, fencingToken: claim.json.fencingToken };
  }

  async function queue(): Promise<QueueItem[]> {
    return (await agentCall<{ items: QueueItem[] }>(base, 'GET', '/api/agent/queue')).json.items;
  }

  it('queues, lets an agent claim, relays both ways, and keeps the bot silent while the human owns the chat', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    const item = (await queue()).find((i) => i.conversationId === id);
    expect(item).toMatchObject({ state: 'queued', priority: 'normal', reason: 'user_requested', channelId: 'test' });
    expect(item?.position).toBeGreaterThanOrEqual(1);

    // Queued: the customer's words go to the agents, not to the bot.
    expect(messagesOnly(await customer.say('my parcel 12345 never arrived'))).toEqual([]);
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === 'my parcel 12345 never arrived');

    const claim = await agentCall<{ fencingToken: number; state: string; assignedAgent: string }>(base, 'POST', `${conv(id)}/claim`);
    expect(claim.status).toBe(200);
    expect(claim.json).toMatchObject({ state: 'assigned', assignedAgent: 'dev-agent', fencingToken: expect.any(Number) });
    const joined = await recorder.waitFor(id, (a) => /You are now chatting with/.test(a.text ?? ''));
    expect(joined.text).toBe('You are now chatting with Dev Agent from our team.');
    expect(joined.channelData).toEqual({ agent: { name: 'Dev Agent' }, tandem: { kind: 'agent_joined' } });
    await sse.waitFor((e) => e.event === 'claimed' && e.data.conversationId === id);
    expect((await queue()).some((i) => i.conversationId === id)).toBe(false);

    const sent = await agentCall(base, 'POST', `${conv(id)}/messages`, { body: { text: 'Hi, I can see your order. Let me check with the courier.' } });
    expect(sent.status).toBe(202);
    const delivered = await recorder.waitFor(id, (a) => a.text === 'Hi, I can see your order. Let me check with the courier.');
    expect(delivered.channelData).toEqual({ agent: { name: 'Dev Agent' }, tandem: { kind: 'agent_message' } });
    expect(delivered.replyToId).toBeDefined();

    // Assigned: still no bot reply, even to something the bot could answer.
    expect(messagesOnly(await customer.say('what are your opening hours?'))).toEqual([]);
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === 'what are your opening hours?');
    const botSaid = recorder.messagesTo(id).filter((a) => !a.channelData?.agent);
    expect(botSaid).toEqual([]);

    const pack = await agentCall<{ transcript: { from: string; text: string }[]; state: string; assignedAgent: string; intents: unknown[] }>(base, 'GET', conv(id));
    expect(pack.status).toBe(200);
    expect(pack.json).toMatchObject({ state: 'assigned', assignedAgent: 'dev-agent' });
    expect(pack.json.intents.length).toBeGreaterThan(0);
    const lines = pack.json.transcript.map((l) => `${l.from}: ${l.text}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'user: I want to talk to a human agent please',
        'agent: Hi, I can see your order. Let me check with the courier.',
        'user: what are your opening hours?',
      ]),
    );
    expect(lines.indexOf('user: what are your opening hours?')).toBe(lines.length - 1);
  });

  it('pages the context pack transcript, newest page first', async () => {
    const { customer } = await claimed();
    for (const text of ['one', 'two', 'three', 'four']) await customer.say(`message ${text}`);
    const id = customer.conversationId;
    const first = await agentCall<{ transcript: { text: string }[]; transcriptPage: { page: number; nextPage: number | null; total: number } }>(base, 'GET', `${conv(id)}?page=1&pageSize=2`);
    expect(first.json.transcript.map((l) => l.text)).toEqual(['message three', 'message four']);
    expect(first.json.transcriptPage).toMatchObject({ page: 1, pageSize: 2, nextPage: 2 });
    const second = await agentCall<{ transcript: { text: string }[] }>(base, 'GET', `${conv(id)}?page=2&pageSize=2`);
    expect(second.json.transcript.map((l) => l.text)).toEqual(['message one', 'message two']);
  });

  it('hands back to the bot with the note, and the bot starts the task the note names', async () => {
    const { customer } = await claimed();
    const id = customer.conversationId;
    const released = await agentCall(base, 'POST', `${conv(id)}/release`, {
      body: { disposition: 'return_to_bot', note: 'customer wants to book an appointment' },
    });
    expect(released.status).toBe(200);
    expect(released.json).toMatchObject({ state: 'bot', disposition: 'return_to_bot', handback: 'delivered' });
    await recorder.waitFor(id, (a) => a.text === 'Dev Agent handed you back to me, Tandem, the virtual assistant.');
    const next = await recorder.waitFor(id, (a) => /appointment/i.test(a.text ?? '') && !a.channelData?.agent);
    expect(next.text).toMatch(/what kind of appointment/i);
    await sse.waitFor((e) => e.event === 'released' && e.data.conversationId === id && e.data.data?.disposition === 'return_to_bot');

    // The booking dialog carries on with the customer's next message.
    const replies = messagesOnly(await customer.say('a dental cleaning'));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.join(' ')).toMatch(/day|date|when|time|slot|provider|available/i);
  });

  it('asks for CSAT with 1-5 buttons after a resolved chat and records the rating', async () => {
    const { customer } = await claimed();
    const id = customer.conversationId;
    const released = await agentCall(base, 'POST', `${conv(id)}/release`, { body: { disposition: 'resolved' } });
    expect(released.status).toBe(200);
    const ask = await recorder.waitFor(id, (a) => /How would you rate/.test(a.text ?? ''));
    expect(ask.text).toMatch(/your chat with Dev Agent/);
    expect(ask.suggestedActions?.actions.map((a) => a.title)).toEqual(['1', '2', '3', '4', '5']);

    expect(messagesOnly(await customer.say('5'))).toEqual(['Thank you for the feedback!']);
    expect((await running.app.handoffPorts.store.getRecord(id))?.csat).toBe(5);
  });

  it('lets the queued customer cancel: the agents hear of it and the bot talks again', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    expect(messagesOnly(await customer.say('cancel'))).toEqual([expect.stringMatching(/taken you out of the line/)]);
    await sse.waitFor((e) => e.event === 'cancelled' && e.data.conversationId === id);
    expect((await queue()).some((i) => i.conversationId === id)).toBe(false);
    expect((await agentCall(base, 'POST', `${conv(id)}/claim`)).status).toBe(409);
    expect(messagesOnly(await customer.say('what are your opening hours?')).join(' ')).toMatch(/hour|open/i);
  });

  it('puts a conversation the agent drops back at its original place in line', async () => {
    const { customer: first } = await claimed();
    const later = await queuedCustomer();
    const requeued = await agentCall(base, 'POST', `${conv(first.conversationId)}/requeue`);
    expect(requeued.status).toBe(200);
    expect(requeued.json).toMatchObject({ state: 'queued' });
    await sse.waitFor((e) => e.event === 'requeued' && e.data.conversationId === first.conversationId);
    const ids = (await queue()).map((i) => i.conversationId);
    expect(ids.indexOf(first.conversationId)).toBeLessThan(ids.indexOf(later.conversationId));
    await recorder.waitFor(first.conversationId, (a) => /You keep your place/.test(a.text ?? ''));
    // Still a human's chat: the bot stays quiet.
    expect(messagesOnly(await first.say('hello?'))).toEqual([]);
  });

  it('requeues a claim whose lease ran out (the console stopped renewing) and keeps its place', async () => {
    const { customer: first } = await claimed();
    const later = await queuedCustomer();
    const leaseMs = running.app.config.HANDOFF_LEASE_SECONDS * 1000;
    const swept = await running.app.sweepHandoffs(Date.now() + leaseMs + 1000);
    expect(swept.requeued).toContain(first.conversationId);
    const ids = (await queue()).map((i) => i.conversationId);
    expect(ids.indexOf(first.conversationId)).toBeLessThan(ids.indexOf(later.conversationId));
    await sse.waitFor((e) => e.event === 'requeued' && e.data.conversationId === first.conversationId && e.data.data?.cause === 'lease_expired');
    // The former holder can no longer speak for the conversation.
    expect((await agentCall(base, 'POST', `${conv(first.conversationId)}/messages`, { body: { text: 'still there?' } })).status).toBe(409);
  });

  it('renews a lease through the heartbeat so an active claim does not expire', async () => {
    const { customer, fencingToken } = await claimed();
    const id = customer.conversationId;
    const before = (await running.app.handoffPorts.store.getRecord(id))?.leaseExpiresAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const beat = await agentCall<{ leases: { conversationId: string; ok: boolean }[] }>(base, 'POST', '/api/agent/heartbeat', {
      body: { leases: [{ conversationId: id, fencingToken }, { conversationId: 'c-nobody', fencingToken: 1 }] },
    });
    expect(beat.status).toBe(200);
    expect(beat.json.leases).toEqual([
      { conversationId: id, ok: true, leaseExpiresAt: expect.any(String) },
      { conversationId: 'c-nobody', ok: false, error: { code: 'HANDOFF_NOT_FOUND', message: expect.any(String) } },
    ]);
    const after = (await running.app.handoffPorts.store.getRecord(id))?.leaseExpiresAt;
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  });

  it('turns a wait past the queue timeout into a callback ticket and tells the customer', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    const timeoutMs = running.app.config.HANDOFF_QUEUE_TIMEOUT_SECONDS * 1000;
    const swept = await running.app.sweepHandoffs(Date.now() + timeoutMs + 1000);
    expect(swept.timedOut).toContain(id);
    await recorder.waitFor(id, (a) => /sorry for the long wait/i.test(a.text ?? ''));
    await sse.waitFor((e) => e.event === 'callback' && e.data.conversationId === id && e.data.data?.reason === 'timeout');
    const callbacks = await agentCall<{ items: { conversationId: string; reason: string; status: string; contact: unknown }[] }>(base, 'GET', '/api/agent/callbacks?status=open');
    expect(callbacks.json.items.find((t) => t.conversationId === id)).toMatchObject({ reason: 'timeout', status: 'open', contact: null });
    // The customer is no longer waiting: the bot answers again.
    expect(messagesOnly(await customer.say('what are your opening hours?')).join(' ')).toMatch(/hour|open/i);
  });

  it('processes a retried webhook (same activity id) once', async () => {
    const { customer } = await claimed();
    const id = customer.conversationId;
    const activity = customer.activity('is anyone there? (sent twice)');
    expect((await post(base, activity)).status).toBe(200);
    expect((await post(base, activity)).status).toBe(200);
    await customer.say('a later message');
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === 'a later message');
    expect(sse.events.filter((e) => e.event === 'message' && e.data.data?.text === 'is anyone there? (sent twice)')).toHaveLength(1);
    const pack = await agentCall<{ transcript: { text: string }[] }>(base, 'GET', conv(id));
    expect(pack.json.transcript.filter((l) => l.text === 'is anyone there? (sent twice)')).toHaveLength(1);
  });

  it('delivers a retried agent send (same idempotency key, body or header) once', async () => {
    const { customer } = await claimed();
    const id = customer.conversationId;
    const body = { text: 'Your refund is on its way.', idempotencyKey: 'msg-0001' };
    const first = await agentCall(base, 'POST', `${conv(id)}/messages`, { body });
    const retry = await agentCall(base, 'POST', `${conv(id)}/messages`, { body });
    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(first.json).toMatchObject({ delivered: true, duplicate: false });
    expect(retry.json).toMatchObject({ delivered: false, duplicate: true });

    const headerBody = { text: 'Anything else?' };
    const viaHeader = () => agentCall(base, 'POST', `${conv(id)}/messages`, { body: headerBody, headers: { 'idempotency-key': 'msg-0002' } });
    const [a, b] = await Promise.all([viaHeader(), viaHeader()]);
    expect([a.json.duplicate, b.json.duplicate].sort()).toEqual([false, true]);

    await recorder.waitFor(id, (x) => x.text === 'Anything else?');
    expect(recorder.messagesTo(id).filter((x) => x.text === 'Your refund is on its way.')).toHaveLength(1);
    expect(recorder.messagesTo(id).filter((x) => x.text === 'Anything else?')).toHaveLength(1);
    await sse.waitUntil(() => sse.of('message', id).filter((e) => e.data.data?.from === 'agent').length >= 2);
    await customer.say('thanks');
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === 'thanks');
    expect(sse.of('message', id).filter((e) => e.data.data?.from === 'agent')).toHaveLength(2);
  });

  it("answers the holder's retried claim like the first (same token, no second join notice)", async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    const first = await agentCall<{ fencingToken: number; reclaimed: boolean }>(base, 'POST', `${conv(id)}/claim`);
    const retried = await agentCall<{ fencingToken: number; reclaimed: boolean; state: string }>(base, 'POST', `${conv(id)}/claim`);
    expect(first.status).toBe(200);
    expect(first.json.reclaimed).toBe(false);
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ state: 'assigned', fencingToken: first.json.fencingToken, reclaimed: true });
    await recorder.waitFor(id, (a) => /You are now chatting with/.test(a.text ?? ''));
    expect(recorder.messagesTo(id).filter((a) => /You are now chatting with/.test(a.text ?? ''))).toHaveLength(1);
    expect((await agentCall(base, 'POST', `${conv(id)}/claim`, { token: supervisorToken })).status).toBe(409);
  });

  it('gives a conversation that three agents claim at once to exactly one of them', async () => {
    const customer = await queuedCustomer();
    const tokens = [agentToken, supervisorToken, clinicianToken];
    const results = await Promise.all(tokens.map((token) => agentCall(base, 'POST', `${conv(customer.conversationId)}/claim`, { token })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.json.error?.code === 'HANDOFF_CONFLICT')).toBe(true);
    expect(recorder.messagesTo(customer.conversationId).filter((a) => /You are now chatting with/.test(a.text ?? ''))).toHaveLength(1);
  });

  it('keeps private notes for agents only', async () => {
    const { customer } = await claimed();
    const id = customer.conversationId;
    const note = await agentCall(base, 'POST', `${conv(id)}/notes`, { body: { text: 'VIP customer, second contact this week' } });
    expect(note.status).toBe(201);
    await sse.waitFor((e) => e.event === 'note' && e.data.conversationId === id);
    const pack = await agentCall<{ notes: { text: string; agentId: string }[] }>(base, 'GET', conv(id));
    expect(pack.json.notes).toEqual([expect.objectContaining({ text: 'VIP customer, second contact this week', agentId: 'dev-agent' })]);
    expect(recorder.messagesTo(id).some((a) => /VIP/.test(a.text ?? ''))).toBe(false);
  });

  it('counts an open event stream as presence, and redacts personal data in events for plain agents', async () => {
    await running.app.handoffPorts.presence.offline('dev-clinician');
    const clinician = await SseClient.open(`${base}/api/agent/events?access_token=${clinicianToken}`);
    const agent = await SseClient.open(`${base}/api/agent/events?access_token=${agentToken}`);
    try {
      expect(await running.app.handoffPorts.presence.online()).toContain('dev-clinician');
      const { customer } = await claimed();
      await customer.say('my email is pat.jones@example.com');
      const seen = (client: SseClient) =>
        client.waitFor((e) => e.event === 'message' && e.data.conversationId === customer.conversationId && e.data.data?.from === 'user');
      expect((await seen(clinician)).data.data?.text).toBe('my email is pat.jones@example.com');
      expect((await seen(agent)).data.data?.text).not.toContain('pat.jones@example.com');
      // Keep-alive comments arrive every AGENT_SSE_HEARTBEAT_SECONDS.
      await agent.waitUntil(() => agent.comments.includes('keep-alive'), 3000);
    } finally {
      clinician.close();
      agent.close();
    }
  });
});
