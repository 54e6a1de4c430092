import { hashAgentToken } from '../../../src/handoff/agents';
import { clockStartingAt, testNow } from '../../support/testClock';
import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, ChannelRecorder, conv, Customer } from './agentHarness';

const staff = [
  { id: 'ana', name: 'Ana', role: 'agent', token: 'token-for-agent-ana' },
  { id: 'ben', name: 'Ben', role: 'agent', token: 'token-for-agent-ben' },
  { id: 'sue', name: 'Sue', role: 'supervisor', token: 'token-for-supervisor-sue' },
  { id: 'cam', name: 'Cam', role: 'clinician', token: 'token-for-clinician-cam' },
] as const;
type Who = (typeof staff)[number]['id'];
const tokenOf = (who: Who) => staff.find((s) => s.id === who)!.token;

const graceSeconds = 300;

describe('which conversations an agent may read and annotate', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  let skippedMs = 0;
  const startClock = clockStartingAt(testNow);

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp(
      {
        AGENTS_JSON: JSON.stringify(staff.map(({ token, ...entry }) => ({ ...entry, tokenSha256: hashAgentToken(token) }))),
        AGENT_READ_AFTER_RELEASE_SECONDS: String(graceSeconds),
      },
      { clock: () => startClock() + skippedMs },
    );
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
  });

  const call = (who: Who, method: 'GET' | 'POST', path: string, body?: unknown) =>
    agentCall(running.baseUrl, method, path, { token: tokenOf(who), ...(body !== undefined ? { body } : {}) });
  const read = (id: string, who: Who) => call(who, 'GET', conv(id));
  const note = (id: string, who: Who) => call(who, 'POST', `${conv(id)}/notes`, { text: 'checked the order' });
  const claim = async (id: string, who: Who) => expect((await call(who, 'POST', `${conv(id)}/claim`)).status).toBe(200);
  const release = async (id: string, who: Who) =>
    expect((await call(who, 'POST', `${conv(id)}/release`, { disposition: 'return_to_bot' })).status).toBe(200);

  async function queued(): Promise<Customer> {
    await call('ana', 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, recorder.url);
    await customer.askForHuman();
    expect((await running.app.handoffPorts.store.getRecord(customer.conversationId))?.state).toBe('queued');
    return customer;
  }

  it('lets an agent read a queued conversation with the redacted view, but annotate only after claiming it', async () => {
    const { conversationId: id } = await queued();
    const pack = await read(id, 'ana');
    expect(pack.status).toBe(200);
    expect(pack.json).toMatchObject({ state: 'queued', viewLevel: 'redacted', piiVisible: false });
    const refused = await note(id, 'ana');
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'FORBIDDEN', message: 'You may add notes only to conversations you hold.' });

    await claim(id, 'ana');
    expect((await read(id, 'ana')).json).toMatchObject({ state: 'assigned', viewLevel: 'task' });
    expect((await note(id, 'ana')).status).toBe(201);
  });

  it("keeps a claimed conversation from other agents (403, nothing added) and shows it to supervisors and clinicians", async () => {
    const { conversationId: id } = await queued();
    await claim(id, 'ana');

    const refused = await read(id, 'ben');
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/queued conversations, the ones you hold/) });
    expect((await note(id, 'ben')).status).toBe(403);

    for (const who of ['sue', 'cam'] as const) {
      const pack = await read(id, who);
      expect(pack.status).toBe(200);
      expect(pack.json).toMatchObject({ viewLevel: 'clear', piiVisible: true });
      expect((await note(id, who)).status).toBe(201);
    }
    const notes = (await read(id, 'sue')).json as unknown as { notes: { agentId: string }[] };
    expect(notes.notes.map((n) => n.agentId)).toEqual(['sue', 'cam']);
  });

  it('answers 404 for an unknown conversation before any 403', async () => {
    expect((await read('c-nobody', 'ben')).status).toBe(404);
    expect((await note('c-nobody', 'ben')).status).toBe(404);
  });

  it('lets the releasing agent re-read the final state for a short while, and nobody else of role agent', async () => {
    const { conversationId: id } = await queued();
    await claim(id, 'ana');
    await release(id, 'ana');

    const after = await read(id, 'ana');
    expect(after.status).toBe(200);
    expect(after.json).toMatchObject({ state: 'bot', viewLevel: 'task', handledTimes: 1 });
    expect((await read(id, 'ben')).status).toBe(403);
    expect((await note(id, 'ana')).status).toBe(403);

    skippedMs += (graceSeconds + 1) * 1000;
    expect((await read(id, 'ana')).status).toBe(403);
    expect((await read(id, 'sue')).status).toBe(200);
  });

  it("lets the agent re-read a chat the customer ended while the agent held it", async () => {
    const customer = await queued();
    await claim(customer.conversationId, 'ben');
    await customer.texts('cancel');
    expect((await running.app.handoffPorts.store.getRecord(customer.conversationId))?.state).toBe('bot');
    expect((await read(customer.conversationId, 'ben')).json).toMatchObject({ state: 'bot', viewLevel: 'task' });
    expect((await read(customer.conversationId, 'ana')).status).toBe(403);
  });
});
