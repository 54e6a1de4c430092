import { randomUUID } from 'node:crypto';
import { post, startApp, type RunningApp } from '../../support/startApp';
import { clockStartingAt } from '../../support/testClock';
import { agentCall, ChannelRecorder, conv, Customer, SseClient, supervisorToken } from '../../http/agent/agentHarness';

const texts = (replies: { type: string; text?: string }[]) => replies.filter((a) => a.type === 'message').map((a) => a.text ?? '');

const hubToken = `hub-${randomUUID()}-${randomUUID()}`;

/** A `handoff.status` event as an external hub (botbuilder's EventFactory.createHandoffStatus) sends it, with the hub's token. */
function hubStatus(customer: Customer, value: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const event = { type: 'event', name: 'handoff.status', value, from: { id: 'omnichannel-hub', name: 'Hub' }, text: undefined, ...extra };
  return customer.say('', event, undefined, { 'x-handoff-hub-token': hubToken });
}

describe('the Bot Framework handoff protocol: handoff.status from an external hub', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  let sse: SseClient;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp({ HANDOFF_HUB_TOKEN: hubToken });
    sse = await SseClient.open(`${running.baseUrl}/api/agent/events`, { authorization: `Bearer ${supervisorToken}` });
  });
  afterAll(async () => {
    sse.close();
    await running.stop();
    await recorder.stop();
  });

  async function queuedCustomer(): Promise<Customer> {
    await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, recorder.url);
    const replies = await customer.say('I want to talk to a human agent please');
    expect(replies.map((a) => a.type === 'event' ? `event:${(a as { name?: string }).name}` : a.text).join(' | ')).toMatch(/connecting you.*event:handoff\.initiate/);
    return customer;
  }

  const record = (id: string) => running.app.handoffPorts.store.getRecord(id);

  it.each([
    ['botbuilder shape {state}', { state: 'accepted' }],
    ['{status} shape', { status: 'accepted', message: 'Agent Kim accepted' }],
  ])('accepted (%s): the hub owns the chat and the bot stays silent', async (_shape, value) => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    expect(texts(await hubStatus(customer, value))).toEqual([]);
    expect(await record(id)).toMatchObject({ state: 'assigned', external: true, assignedAgent: 'hub:omnichannel-hub' });
    await sse.waitFor((e) => e.event === 'claimed' && e.data.conversationId === id);
    expect(texts(await customer.say('what are your opening hours?'))).toEqual([]);
    // Our own agents cannot take over a chat the hub holds.
    expect((await agentCall(running.baseUrl, 'POST', `${conv(id)}/claim`)).status).toBe(409);
  });

  it('completed: the bot resumes and answers again', async () => {
    const customer = await queuedCustomer();
    await hubStatus(customer, { state: 'accepted' });
    const resumed = texts(await hubStatus(customer, { state: 'completed', message: 'done' }));
    expect(resumed).toEqual(['Our team handed you back to me, Tandem, the virtual assistant.', 'How else can I help you today?']);
    expect((await record(customer.conversationId))?.state).toBe('bot');
    expect(texts(await customer.say('what are your opening hours?')).join(' ')).toMatch(/hour|open/i);
  });

  it('failed with nobody of ours online: a callback ticket, and the customer is told when to expect contact', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    await hubStatus(customer, { state: 'accepted' });
    for (const agentId of await running.app.handoffPorts.presence.online()) await running.app.handoffPorts.presence.offline(agentId);
    // Answered in the event's own turn (its expectReplies answer), not proactively after a lock wait.
    const replies = texts(await hubStatus(customer, { state: 'failed' }));
    expect(replies).toEqual([expect.stringMatching(/^I'm sorry, our team couldn't take your conversation right now\. We'll contact you .*follow up in this conversation\.$/)]);
    expect(recorder.messagesTo(id).some((a) => /keep your place/.test(a.text ?? ''))).toBe(false);
    expect(await record(id)).toMatchObject({ state: 'callback', callback: { status: 'open', reason: 'no_agent', contact: null } });
    await sse.waitFor((e) => e.event === 'callback' && e.data.conversationId === id);
  });

  it('failed after accepting, with an agent of ours online: back in our queue at its place, and the customer is told in the same turn', async () => {
    const customer = await queuedCustomer();
    await hubStatus(customer, { state: 'accepted' });
    const replies = texts(await hubStatus(customer, { state: 'failed' }));
    expect(replies).toEqual([expect.stringMatching(/the person helping you was disconnected\. You keep your place/)]);
    expect((await record(customer.conversationId))?.state).toBe('queued');
    await sse.waitFor((e) => e.event === 'requeued' && e.data.conversationId === customer.conversationId && e.data.data?.cause === 'hub_failed');
  });

  it('failed before the hub accepted, with an agent of ours online: stays in our queue and the customer hears their place', async () => {
    const customer = await queuedCustomer();
    const replies = texts(await hubStatus(customer, { state: 'failed' }));
    expect(replies.join(' ')).toMatch(/next in line|in line|place|wait/i);
    expect((await record(customer.conversationId))?.state).toBe('queued');
  });

  it.each([
    ['an unknown state', { state: 'teleported' }],
    ['no state at all', { note: 'hello' }],
    ['a non-object value', 'accepted'],
  ])('ignores a handoff.status with %s', async (_name, value) => {
    const customer = await queuedCustomer();
    const { status } = await post(running.baseUrl, customer.activity('', { type: 'event', name: 'handoff.status', value }), { 'x-handoff-hub-token': hubToken });
    expect(status).toBe(200);
    expect((await record(customer.conversationId))?.state).toBe('queued');
  });

  it.each([
    ['no hub token', {}],
    ['a wrong hub token', { 'x-handoff-hub-token': `${hubToken}x` }],
  ])('refuses a forged handoff.status "accepted" with %s (403), on any channel, and the agents keep the conversation', async (_name, headers: Record<string, string>) => {
    const customer = await queuedCustomer();
    for (const channelId of ['test', 'directline', 'emulator']) {
      const forged = customer.activity('', { type: 'event', name: 'handoff.status', value: { state: 'accepted' }, channelId });
      const { status, json } = await post(running.baseUrl, forged, headers);
      expect(status).toBe(403);
      expect(json.error?.message).toMatch(/handoff\.status is accepted only from a configured hub|belongs to another channel/);
    }
    expect(await record(customer.conversationId)).toMatchObject({ state: 'queued' });
    expect((await agentCall(running.baseUrl, 'POST', `${conv(customer.conversationId)}/claim`)).status).toBe(200);
  });

  it('refuses activities on /api/messages for the web chat channel or for a conversation started on another channel', async () => {
    const customer = await queuedCustomer();
    const otherChannel = await post(running.baseUrl, customer.activity('hello', { channelId: 'directline', serviceUrl: 'http://attacker.example' }));
    expect(otherChannel).toMatchObject({ status: 403, json: { error: { message: expect.stringMatching(/belongs to another channel/) } } });
    const webChat = new Customer(running.baseUrl, recorder.url, undefined, 'webchat');
    const onWebChat = await post(running.baseUrl, webChat.activity('I want to talk to a human'));
    expect(onWebChat).toMatchObject({ status: 403, json: { error: { message: expect.stringMatching(/only through Direct Line/) } } });
    expect(await record(webChat.conversationId)).toBeUndefined();
  });
});

describe('after hours', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;


  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    // The app's clock starts at noon on a holiday, whatever day the test runs.
    running = await startApp(
      { BUSINESS_HOURS: 'mon-sun 00:00-24:00', BUSINESS_TIMEZONE: 'America/New_York', BUSINESS_HOLIDAYS: '2026-12-02' },
      { clock: clockStartingAt(new Date('2026-12-02T17:00:00Z')) },
    );
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
  });

  it('offers a callback, captures a valid contact, and files a ticket that agents can act on (the contact is what a callback needs)', async () => {
    await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, recorder.url);
    const offer = (await customer.askForHuman()).join('\n');
    expect(offer).toMatch(/Our team is offline right now/);
    expect(offer).toMatch(/What phone number or email should we use to reach you\?/);
    expect((await customer.texts('not sure')).join(' ')).toMatch(/doesn't look like a valid phone number or email/);
    expect((await customer.texts('pat.jones@example.com')).join(' ')).toMatch(/booked a callback to your email/);

    const supervisor = await agentCall<{ items: { conversationId: string; reason: string; contact: { kind: string; value: string } }[] }>(
      running.baseUrl, 'GET', '/api/agent/callbacks', { token: supervisorToken },
    );
    expect(supervisor.json.items.find((t) => t.conversationId === customer.conversationId)).toMatchObject({
      reason: 'after_hours',
      contact: { kind: 'email', value: 'pat.jones@example.com' },
    });
    const agent = await agentCall<{ items: { conversationId: string; contact: { kind: string; value: string } }[] }>(running.baseUrl, 'GET', '/api/agent/callbacks');
    expect(agent.json.items.find((t) => t.conversationId === customer.conversationId)?.contact).toEqual({ kind: 'email', value: 'pat.jones@example.com' });
    // Not queued: the queue stays empty and the bot keeps answering.
    expect((await agentCall<{ items: unknown[] }>(running.baseUrl, 'GET', '/api/agent/queue')).json.items).toEqual([]);
  });
});
