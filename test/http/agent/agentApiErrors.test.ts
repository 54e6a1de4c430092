import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, agentToken, ChannelRecorder, conv, Customer, SseClient, supervisorToken } from './agentHarness';

type Method = 'GET' | 'POST';

const everyRoute: [Method, string][] = [
  ['GET', '/api/agent/queue'],
  ['GET', conv('c-any')],
  ['POST', `${conv('c-any')}/claim`],
  ['POST', `${conv('c-any')}/messages`],
  ['POST', `${conv('c-any')}/notes`],
  ['POST', `${conv('c-any')}/release`],
  ['POST', `${conv('c-any')}/requeue`],
  ['POST', '/api/agent/heartbeat'],
  ['GET', '/api/agent/callbacks'],
  ['GET', '/api/agent/events'],
];

describe('agent API: bad input gets a clear status and reason, and changes nothing', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  let base: string;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp();
    base = running.baseUrl;
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
  });

  async function queuedCustomer(): Promise<Customer> {
    await agentCall(base, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(base, recorder.url);
    expect((await customer.askForHuman()).join(' ')).toMatch(/connecting you/);
    return customer;
  }

  async function claimedBy(token: string): Promise<Customer> {
    const customer = await queuedCustomer();
    expect((await agentCall(base, 'POST', `${conv(customer.conversationId)}/claim`, { token })).status).toBe(200);
    return customer;
  }

  describe.each([
    ['no Authorization header', null],
    ['an unknown token', 'not-a-real-token'],
    ['an empty bearer', ''],
  ])('with %s', (_name, token) => {
    it.each(everyRoute)('%s %s is 401', async (method, path) => {
      const response = await agentCall(base, method, path, { token, body: method === 'POST' ? {} : undefined });
      expect(response.status).toBe(401);
      expect(response.json.error?.code).toBe('UNAUTHORIZED');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  });

  it('accepts ?access_token= on the event stream only', async () => {
    const stream = await SseClient.open(`${base}/api/agent/events?access_token=${agentToken}`);
    expect(stream.status).toBe(200);
    stream.close();
    const refused = await SseClient.open(`${base}/api/agent/events?access_token=wrong`);
    expect(refused.status).toBe(401);
    expect((await refused.errorBody()).error?.code).toBe('UNAUTHORIZED');
    expect((await agentCall(base, 'GET', `/api/agent/queue?access_token=${agentToken}`, { token: null })).status).toBe(401);
  });

  it.each([
    ['GET', ''],
    ['POST', '/claim'],
    ['POST', '/messages'],
    ['POST', '/notes'],
    ['POST', '/release'],
    ['POST', '/requeue'],
  ] as [Method, string][])('%s an unknown conversation%s is 404', async (method, suffix) => {
    const body = suffix === '/release' ? { disposition: 'resolved' } : suffix === '' || suffix === '/claim' || suffix === '/requeue' ? undefined : { text: 'hello' };
    const response = await agentCall(base, method, `${conv('c-does-not-exist')}${suffix}`, { body });
    expect(response.status).toBe(404);
    expect(response.json.error?.code).toBe('HANDOFF_NOT_FOUND');
  });

  it("answers the holder's retried claim like the first (same token) and refuses a claim by another agent with 409", async () => {
    const customer = await queuedCustomer();
    const path = `${conv(customer.conversationId)}/claim`;
    const first = await agentCall<{ fencingToken: number }>(base, 'POST', path);
    expect(first.status).toBe(200);
    const again = await agentCall<{ fencingToken: number; reclaimed: boolean }>(base, 'POST', path);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ fencingToken: first.json.fencingToken, reclaimed: true });
    const other = await agentCall(base, 'POST', path, { token: supervisorToken });
    expect(other.status).toBe(409);
    expect((await running.app.handoffPorts.store.getRecord(customer.conversationId))?.assignedAgent).toBe('dev-agent');
  });

  it('refuses release and send by an agent who does not hold the conversation with 403', async () => {
    const customer = await claimedBy(agentToken);
    const id = customer.conversationId;
    const release = await agentCall(base, 'POST', `${conv(id)}/release`, { token: supervisorToken, body: { disposition: 'resolved' } });
    expect(release.status).toBe(403);
    expect(release.json.error?.code).toBe('HANDOFF_NOT_OWNER');
    const send = await agentCall(base, 'POST', `${conv(id)}/messages`, { token: supervisorToken, body: { text: 'I will take over' } });
    expect(send.status).toBe(403);
    const requeue = await agentCall(base, 'POST', `${conv(id)}/requeue`, { token: supervisorToken });
    expect(requeue.status).toBe(403);
    expect((await running.app.handoffPorts.store.getRecord(id))).toMatchObject({ state: 'assigned', assignedAgent: 'dev-agent' });
    expect(recorder.messagesTo(id).some((a) => a.text === 'I will take over')).toBe(false);
  });

  it('refuses a message to a released conversation with 409, and a stale fencing token with 403', async () => {
    const customer = await claimedBy(agentToken);
    const id = customer.conversationId;
    const stale = await agentCall(base, 'POST', `${conv(id)}/messages`, { body: { text: 'hello', fencingToken: 999 } });
    expect(stale.status).toBe(403);
    expect((await agentCall(base, 'POST', `${conv(id)}/release`, { body: { disposition: 'return_to_bot' } })).status).toBe(200);
    const late = await agentCall(base, 'POST', `${conv(id)}/messages`, { body: { text: 'one more thing' } });
    expect(late.status).toBe(409);
    expect(late.json.error?.code).toBe('HANDOFF_CONFLICT');
    expect((await agentCall(base, 'POST', `${conv(id)}/release`, { body: { disposition: 'resolved' } })).status).toBe(409);
    expect(recorder.messagesTo(id).some((a) => a.text === 'one more thing' || a.text === 'hello')).toBe(false);
  });

  describe('bodies', () => {
    let id: string;
    beforeAll(async () => {
      id = (await claimedBy(agentToken)).conversationId;
    });

    it.each([
      ['empty text', '/messages', { text: '' }, /text must not be empty/],
      ['whitespace-only text', '/messages', { text: '   \n\t ' }, /text must not be empty/],
      ['oversized text', '/messages', { text: 'x'.repeat(4001) }, /at most 4000 characters/],
      ['missing text', '/messages', {}, /text must be a string/],
      ['a number as text', '/messages', { text: 42 }, /text must be a string/],
      ['a bad idempotency key', '/messages', { text: 'hi', idempotencyKey: 'has spaces in it' }, /idempotencyKey must be/],
      ['an empty note', '/notes', { text: '' }, /text must not be empty/],
      ['an oversized note', '/notes', { text: 'y'.repeat(5000) }, /at most 4000 characters/],
      ['an unknown disposition', '/release', { disposition: 'vanish' }, /disposition must be "resolved" or "return_to_bot"/],
      ['a missing disposition', '/release', {}, /disposition must be/],
      ['an oversized release note', '/release', { disposition: 'resolved', note: 'z'.repeat(4001) }, /note must be at most 4000/],
    ])('%s is 422 with the reason', async (_name, suffix, body, reason) => {
      const response = await agentCall(base, 'POST', `${conv(id)}${suffix}`, { body });
      expect(response.status).toBe(422);
      expect(response.json.error?.code).toBe('UNPROCESSABLE');
      expect(response.json.error?.message).toMatch(reason);
    });

    it('a bad Idempotency-Key header is 422', async () => {
      const response = await agentCall(base, 'POST', `${conv(id)}/messages`, { body: { text: 'hi' }, headers: { 'idempotency-key': 'x'.repeat(200) } });
      expect(response.status).toBe(422);
      expect(response.json.error?.message).toMatch(/Idempotency-Key/);
    });

    it.each([
      ['malformed JSON', '{"text": "hi",', 'BAD_JSON'],
      ['a JSON array', '[1, 2, 3]', 'BAD_REQUEST'],
      ['a JSON string', '"hello"', 'BAD_REQUEST'],
    ])('%s is 400', async (_name, raw, code) => {
      const response = await agentCall(base, 'POST', `${conv(id)}/messages`, { body: raw });
      expect(response.status).toBe(400);
      expect(response.json.error?.code).toBe(code);
    });

    it.each([
      ['page=0', /page must be from 1/],
      ['page=abc', /page must be a whole number/],
      ['pageSize=500', /pageSize must be from 1 to 200/],
    ])('a context pack with %s is 422', async (query, reason) => {
      const response = await agentCall(base, 'GET', `${conv(id)}?${query}`);
      expect(response.status).toBe(422);
      expect(response.json.error?.message).toMatch(reason);
    });

    it('a callbacks filter other than open or done is 422', async () => {
      expect((await agentCall(base, 'GET', '/api/agent/callbacks?status=maybe')).status).toBe(422);
    });

    it('none of the refused requests reached the customer or changed the conversation', async () => {
      expect(recorder.messagesTo(id).filter((a) => !/You are now chatting with/.test(a.text ?? ''))).toEqual([]);
      expect(await running.app.handoffPorts.store.getRecord(id)).toMatchObject({ state: 'assigned', notes: [] });
    });
  });

  it('survives event-stream clients that disconnect mid-stream, without leaking subscriptions', async () => {
    const bus = running.app.handoffPorts.bus;
    const listeners = () => (Reflect.get(bus, 'listeners') as Set<unknown>).size;
    const before = listeners();
    const clients = await Promise.all(Array.from({ length: 8 }, () => SseClient.open(`${base}/api/agent/events?access_token=${agentToken}`)));
    expect(running.app.agentApi.streams.size).toBe(8);
    expect(listeners()).toBe(before + 8);

    // Cut them while events are flowing.
    const customer = await queuedCustomer();
    await Promise.all(clients.map((c) => c.waitFor((e) => e.event === 'queued' && e.data.conversationId === customer.conversationId)));
    const busy = Promise.all([1, 2, 3, 4, 5].map((n) => customer.say(`message ${n}`)));
    for (const client of clients) client.close();
    await busy;
    await clients[0]!.waitUntil(() => running.app.agentApi.streams.size === 0, 3000, () => `${running.app.agentApi.streams.size} streams still open`);
    expect(listeners()).toBe(before);

    // Events published after the disconnects reach nobody and break nothing.
    expect((await agentCall(base, 'POST', `${conv(customer.conversationId)}/claim`)).status).toBe(200);
    expect((await agentCall(base, 'GET', '/api/agent/queue')).status).toBe(200);
  });
});

describe('agent API rate limit', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ AGENT_RATE_LIMIT_PER_SECOND: '1', AGENT_RATE_LIMIT_BURST: '5' });
  });
  afterAll(async () => running.stop());

  it('answers a flood from one agent with 429 and Retry-After, and leaves other agents alone', async () => {
    const flood = await Promise.all(Array.from({ length: 12 }, () => agentCall(running.baseUrl, 'GET', '/api/agent/queue')));
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const limited = flood.find((r) => r.status === 429)!;
    expect(limited.json.error?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await agentCall(running.baseUrl, 'GET', '/api/agent/queue', { token: supervisorToken })).status).toBe(200);
  });
});
