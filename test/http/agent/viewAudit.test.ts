import { clockStartingAt, testNow } from '../../support/testClock';
import { connectTestRedis, cleanupRedis, redisAvailable, testRedisUrl, uniquePrefix } from '../../support/redis';
import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, agentToken, ChannelRecorder, clinicianToken, conv, Customer, supervisorToken } from './agentHarness';

interface AuditPage {
  conversationId: string;
  items: { seq: number; agentId: string; role: string; at: string; item: string; level: string; conversationId: string }[];
  nextBefore: number | null;
}

const backends = [
  ['memory', () => ({})],
  ...(redisAvailable ? [['redis', (prefix: string) => ({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix })] as const] : []),
] as const;

describe.each(backends)('the view audit log (%s)', (backend, env) => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  const prefix = uniquePrefix('viewaudit');

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp(env(prefix), { clock: clockStartingAt(testNow) });
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
    if (backend === 'redis') await cleanupRedis(connectTestRedis(), prefix);
  });

  const audit = (query: string, token = supervisorToken) => agentCall<AuditPage>(running.baseUrl, 'GET', `/api/agent/audit${query}`, { token });

  async function queued(): Promise<string> {
    await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, recorder.url);
    await customer.askForHuman();
    return customer.conversationId;
  }

  it('records every context-pack view (who, role, when, view level), newest first, for supervisors only', async () => {
    const id = await queued();
    expect((await agentCall(running.baseUrl, 'GET', conv(id), { token: agentToken })).status).toBe(200);
    expect((await agentCall(running.baseUrl, 'POST', `${conv(id)}/claim`, { token: agentToken })).status).toBe(200);
    expect((await agentCall(running.baseUrl, 'GET', conv(id), { token: agentToken })).status).toBe(200);
    expect((await agentCall(running.baseUrl, 'GET', conv(id), { token: clinicianToken })).status).toBe(200);

    const page = await audit(`?conversationId=${encodeURIComponent(id)}`);
    expect(page.status).toBe(200);
    expect(page.json.conversationId).toBe(id);
    expect(page.json.items.map(({ agentId, role, level, item }) => ({ agentId, role, level, item }))).toEqual([
      { agentId: 'dev-clinician', role: 'clinician', level: 'clear', item: 'context_pack' },
      { agentId: 'dev-agent', role: 'agent', level: 'task', item: 'context_pack' },
      { agentId: 'dev-agent', role: 'agent', level: 'redacted', item: 'context_pack' },
    ]);
    for (const view of page.json.items) {
      expect(view.conversationId).toBe(id);
      expect(Math.abs(Date.parse(view.at) - testNow.getTime())).toBeLessThan(10 * 60_000);
    }
    expect(page.json.nextBefore).toBeNull();
  });

  it('does not record a refused view', async () => {
    const id = await queued();
    expect((await agentCall(running.baseUrl, 'POST', `${conv(id)}/claim`, { token: clinicianToken })).status).toBe(200);
    expect((await agentCall(running.baseUrl, 'GET', conv(id), { token: agentToken })).status).toBe(403);
    expect((await audit(`?conversationId=${encodeURIComponent(id)}`)).json.items).toEqual([]);
  });

  it('pages with limit and before', async () => {
    const id = await queued();
    for (let i = 0; i < 3; i += 1) await agentCall(running.baseUrl, 'GET', conv(id), { token: supervisorToken });
    const first = await audit(`?conversationId=${encodeURIComponent(id)}&limit=2`);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.nextBefore).toBe(first.json.items[1]!.seq);
    const second = await audit(`?conversationId=${encodeURIComponent(id)}&limit=2&before=${first.json.nextBefore}`);
    expect(second.json.items).toHaveLength(1);
    expect(second.json.nextBefore).toBeNull();
  });

  it.each([
    ['an agent', agentToken],
    ['a clinician', clinicianToken],
  ])('refuses %s with 403', async (_who, token) => {
    const refused = await audit('?conversationId=c-1', token);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'FORBIDDEN', message: 'Only supervisors may read who viewed a conversation.' });
  });

  it.each([
    ['', /conversationId is required/],
    ['?conversationId=c-1&limit=0', /limit must be from 1 to 200/],
    ['?conversationId=c-1&limit=201', /limit must be from 1 to 200/],
    ['?conversationId=c-1&before=abc', /before must be a whole number/],
  ])('answers 422 to the query %p', async (query, message) => {
    const bad = await audit(query);
    expect(bad.status).toBe(422);
    expect(bad.json.error?.message).toMatch(message);
  });

  it('needs a token (401)', async () => {
    expect((await audit('?conversationId=c-1', null as unknown as string)).status).toBe(401);
  });
});
