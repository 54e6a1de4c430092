import type { QueueItem } from '../../../src/handoff/agentDesk';
import { startApp, type RunningApp } from '../../support/startApp';
import { clockStartingAt, testNow } from '../../support/testClock';
import { agentCall, ChannelRecorder, conv, Customer, SseClient, supervisorToken } from '../../http/agent/agentHarness';

const chestPain = "I have chest pain and can't breathe";
const promisesAPersonNow = /connecting you|right now/i;

/** The reply texts of one message, in order. */
async function texts(customer: Customer, text: string): Promise<string[]> {
  return (await customer.say(text)).filter((a) => a.type === 'message').map((a) => a.text ?? '');
}

describe('emergency language pre-empts every state of a conversation (the real app, memory mode)', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  let sse: SseClient;
  let base: string;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    // A fixed Wednesday morning; the default hours are 24/7 and the SSE stream keeps an agent online.
    running = await startApp({}, { clock: clockStartingAt(testNow) });
    base = running.baseUrl;
    sse = await SseClient.open(`${base}/api/agent/events`, { authorization: `Bearer ${supervisorToken}` });
  });
  afterAll(async () => {
    sse.close();
    await running.stop();
    await recorder.stop();
  });

  const record = (id: string) => running.app.handoffPorts.store.getRecord(id);
  const queueIds = async () => (await agentCall<{ items: QueueItem[] }>(base, 'GET', '/api/agent/queue')).json.items.map((i) => i.conversationId);

  async function queuedCustomer(): Promise<Customer> {
    const customer = new Customer(base, recorder.url);
    expect((await customer.askForHuman()).join(' ')).toMatch(/connecting you with a person/);
    await sse.waitFor((e) => e.event === 'queued' && e.data.conversationId === customer.conversationId);
    return customer;
  }

  it("in the bot's hands: the guidance at once, then an urgent handoff", async () => {
    const customer = new Customer(base, recorder.url);
    const replies = await texts(customer, chestPain);
    expect(replies[0]).toMatch(/call 911/);
    expect(replies[1]).toMatch(/^I'm connecting you with a person from our team\. You're (next|number \d+) in line\./);
    expect(await record(customer.conversationId)).toMatchObject({ state: 'queued', priority: 'urgent', reason: 'emergency' });
    const queued = await sse.waitFor((e) => e.event === 'queued' && e.data.conversationId === customer.conversationId);
    expect(queued.data.data).toMatchObject({ priority: 'urgent', reason: 'emergency' });
  });

  it('while queued: the guidance, urgent priority ahead of the line, the new place and wait, the agents alerted, and the message still goes to them', async () => {
    const first = await queuedCustomer();
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    const before = await queueIds();
    expect(before.indexOf(id)).toBeGreaterThan(before.indexOf(first.conversationId));

    const replies = await texts(customer, chestPain);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/call 911/);
    expect(replies[0]).not.toMatch(promisesAPersonNow);
    const position = (await queueIds()).indexOf(id) + 1;
    expect(replies[1]).toMatch(/^I've marked your request as urgent\. You're (next|number \d+) in line\. The estimated wait is (less than a minute|about \d+ minutes?)\.$/);
    expect(replies[1]).toContain(position === 1 ? "You're next in line." : `You're number ${position} in line.`);

    const after = await queueIds();
    expect(after.indexOf(id)).toBeLessThan(after.indexOf(first.conversationId));
    expect(await record(id)).toMatchObject({ state: 'queued', priority: 'urgent', reason: 'emergency' });
    expect((await record(id))?.reasonCodes).toContain('user_requested');
    expect((await record(id))?.announced).toMatchObject({ position });

    const alert = await sse.waitFor((e) => e.event === 'alert' && e.data.conversationId === id);
    expect(alert.data.data).toEqual({
      kind: 'emergency',
      categories: ['cardiac', 'breathing'],
      state: 'queued',
      priority: 'urgent',
      previousPriority: 'normal',
      position,
    });
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === chestPain);
  });

  it('with an agent: the customer gets the guidance, the agent gets the message and an alert at once, and the chat becomes urgent', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    expect((await agentCall(base, 'POST', `${conv(id)}/claim`)).status).toBe(200);
    await recorder.waitFor(id, (a) => /You are now chatting with/.test(a.text ?? ''));

    const replies = await texts(customer, chestPain);
    expect(replies).toEqual([expect.stringMatching(/call 911/), "I've alerted Dev Agent from our team that this is urgent."]);
    const alert = await sse.waitFor((e) => e.event === 'alert' && e.data.conversationId === id);
    expect(alert.data.data).toEqual({
      kind: 'emergency',
      categories: ['cardiac', 'breathing'],
      state: 'assigned',
      priority: 'urgent',
      previousPriority: 'normal',
      position: null,
      assignedAgent: 'dev-agent',
    });
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.from === 'user' && e.data.data.text === chestPain);
    expect(await record(id)).toMatchObject({ state: 'assigned', assignedAgent: 'dev-agent', priority: 'urgent', reason: 'emergency' });

    // Otherwise the bot stays silent while the person owns the chat.
    expect(await texts(customer, 'thanks, the ambulance is on its way')).toEqual([]);
  });

  it('an agent letting the chat go between our read and the raise: the bot takes the emergency itself, guidance once, handed over urgently', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    expect((await agentCall(base, 'POST', `${conv(id)}/claim`)).status).toBe(200);
    const service = running.app.handoff.customer;
    const raise = service.raiseEmergency.bind(service);
    // The release lands in the store after the turn read "assigned" and before the priority is raised.
    jest.spyOn(service, 'raiseEmergency').mockImplementationOnce(async (conversationId, categories) => {
      await running.app.handoffPorts.store.release(conversationId, 'dev-agent', { disposition: 'resolved' });
      return raise(conversationId, categories);
    });

    const replies = await texts(customer, chestPain);
    expect(replies.filter((r) => /call 911/.test(r))).toHaveLength(1);
    expect(replies[0]).toMatch(/call 911/);
    expect(replies[1]).toMatch(/^I'm connecting you with a person from our team\. You're (next|number \d+) in line\./);
    expect(await record(id)).toMatchObject({ state: 'queued', priority: 'urgent', reason: 'emergency' });
  });

  it.each([
    ['suicide and self-harm: 988', 'I want to end my life', /call or text 988 \(Suicide & Crisis Lifeline/, /Poison Control/],
    ['poisoning and overdose: Poison Control', 'I took too many pills', /Poison Control now at 1-800-222-1222/, /988/],
    ['the rest: 911', "I'm bleeding heavily", /call 911 \(or your local emergency number\) now/, /988|Poison Control/],
  ])('gives each crisis its own line while queued (%s)', async (_name, text, line, notLine) => {
    const customer = await queuedCustomer();
    const [guidance] = await texts(customer, text);
    expect(guidance).toMatch(line);
    expect(guidance).not.toMatch(notLine);
  });

  it('a false alarm while waiting: the urgent wait ends and the interrupted task is offered again', async () => {
    const customer = new Customer(base, recorder.url);
    const question = await texts(customer, 'I want to book an appointment');
    expect(question.join(' ').length).toBeGreaterThan(0);
    const id = customer.conversationId;
    const alarm = await texts(customer, chestPain);
    expect(alarm[0]).toMatch(/call 911/);
    expect((await record(id))?.state).toBe('queued');

    const back = await texts(customer, "no I'm fine, I meant the product");
    expect(back).toEqual([
      "OK, I'm glad it's not an emergency. I've taken you out of the urgent line for our team. If anything changes, call 911.",
      expect.stringMatching(/^We were in the middle of .+\. Would you like to pick up where you left off\?$/),
    ]);
    expect((await record(id))?.state).toBe('bot');
    await sse.waitFor((e) => e.event === 'cancelled' && e.data.conversationId === id);
    const resumed = await texts(customer, 'yes');
    expect(resumed.join('\n')).toMatch(/^Great\. Back to /);
  });

  it('after suicide language, "I\'m fine" does not end the wait: a person still checks in, and the agents read the message', async () => {
    const customer = new Customer(base, recorder.url);
    const id = customer.conversationId;
    const alarm = await texts(customer, "honestly I don't want to be alive anymore");
    expect(alarm[0]).toMatch(/988/);
    expect(await record(id)).toMatchObject({ state: 'queued', priority: 'urgent', skill: 'crisis' });

    const retraction = "I'm fine, just kidding";
    expect(await texts(customer, retraction)).toEqual([expect.stringMatching(/^Thank you for letting me know\. .*someone from our team will still check in with you.*988/)]);
    expect(await record(id)).toMatchObject({ state: 'queued', priority: 'urgent' });
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === retraction);
  });

  it('a customer who also asked for a person stays in line when they say it was not an emergency; the agent reads it', async () => {
    const customer = await queuedCustomer();
    const id = customer.conversationId;
    await texts(customer, chestPain);
    expect(await texts(customer, 'sorry, false alarm, nobody is hurt')).toEqual([]);
    expect(await record(id)).toMatchObject({ state: 'queued', priority: 'urgent' });
    await sse.waitFor((e) => e.event === 'message' && e.data.conversationId === id && e.data.data?.text === 'sorry, false alarm, nobody is hurt');
  });
});

describe('emergency language when nobody from the team can take the chat', () => {
  let recorder: ChannelRecorder;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
  });
  afterAll(async () => recorder.stop());

  async function withApp(env: NodeJS.ProcessEnv, at: Date, run: (app: RunningApp) => Promise<void>): Promise<void> {
    const app = await startApp(env, { clock: clockStartingAt(at) });
    try {
      await run(app);
    } finally {
      await app.stop();
    }
  }

  it('nobody online: the guidance first, then the urgent callback already filed and when, never a person "right now"', async () => {
    await withApp({}, testNow, async (running) => {
      const customer = new Customer(running.baseUrl, recorder.url);
      const replies = await texts(customer, "my father collapsed and isn't breathing");
      expect(replies).toHaveLength(2);
      expect(replies[0]).toMatch(/call 911/);
      expect(replies[1]).toMatch(
        /^Nobody from our team is free to chat at the moment\. Please don't wait for us: use the numbers above\. I've filed an urgent callback request for our team\. We'll contact you by .+\.\nIf you'd like a call or an email as well, type your phone number or email address; otherwise we'll reply right here\.$/,
      );
      expect(replies.join('\n')).not.toMatch(promisesAPersonNow);
      const record = await running.app.handoffPorts.store.getRecord(customer.conversationId);
      expect(record).toMatchObject({ state: 'callback', priority: 'urgent', callback: { status: 'open', priority: 'urgent', reason: 'no_agent', contact: null } });

      // A contact only adds to the ticket that is already there.
      const thanks = await texts(customer, 'you can reach me at (415) 555-0132');
      expect(thanks.join('\n')).toMatch(/booked a callback to your phone/);
      const tickets = await running.app.handoffPorts.store.listCallbacks({ status: 'open' });
      expect(tickets.filter((t) => t.conversationId === customer.conversationId)).toEqual([
        expect.objectContaining({ priority: 'urgent', contact: expect.objectContaining({ kind: 'phone' }) }),
      ]);
    });
  });

  it('after hours: says the team is offline and when the urgent callback comes', async () => {
    // 11 PM in New York on the fixed Wednesday, with a 9-to-5 team.
    await withApp({ BUSINESS_HOURS: 'mon-fri 09:00-17:00' }, new Date('2026-12-03T04:00:00Z'), async (running) => {
      await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
      const customer = new Customer(running.baseUrl, recorder.url);
      const replies = await texts(customer, 'I want to kill myself');
      expect(replies[0]).toMatch(/988/);
      expect(replies[1]).toMatch(/^Our team is offline at this hour\. Please don't wait for us: use the numbers above\. I've filed an urgent callback request for our team\. We'll contact you by .+\./);
      expect(replies.join('\n')).not.toMatch(promisesAPersonNow);
    });
  });

  it('a false alarm at the callback question goes back to the interrupted task', async () => {
    await withApp({}, testNow, async (running) => {
      const customer = new Customer(running.baseUrl, recorder.url);
      await texts(customer, 'I want to book an appointment');
      const alarm = await texts(customer, chestPain);
      expect(alarm[1]).toMatch(/urgent callback/);
      const back = await texts(customer, "no I'm fine, I meant the product");
      expect(back[0]).toBe("OK, I'm glad it's not an emergency. Our team will still see the urgent request and may check in with you.");
      expect(back.slice(1).join('\n')).toMatch(/^Back to /);
      expect(back.join('\n')).not.toMatch(/valid phone number|cancelled/);
    });
  });
});
