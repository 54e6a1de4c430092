import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, agentToken, ChannelRecorder, clinicianToken, conv, Customer, supervisorToken } from './agentHarness';

describe('which conversations an agent may read and annotate', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;

  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp();
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
  });

  async function queued(): Promise<string> {
    await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, recorder.url);
    await customer.askForHuman();
    expect((await running.app.handoffPorts.store.getRecord(customer.conversationId))?.state).toBe('queued');
    return customer.conversationId;
  }

  const read = (id: string, token: string) => agentCall(running.baseUrl, 'GET', conv(id), { token });
  const note = (id: string, token: string) => agentCall(running.baseUrl, 'POST', `${conv(id)}/notes`, { token, body: { text: 'checked the order' } });

  it('lets any agent read and annotate a queued conversation (to decide whether to claim it)', async () => {
    const id = await queued();
    expect((await read(id, agentToken)).status).toBe(200);
    expect((await note(id, clinicianToken)).status).toBe(201);
  });

  it('keeps a claimed conversation to its holder and supervisors: others get 403 and add nothing', async () => {
    const id = await queued();
    expect((await agentCall(running.baseUrl, 'POST', `${conv(id)}/claim`, { token: clinicianToken })).status).toBe(200);

    const refusedRead = await read(id, agentToken);
    expect(refusedRead.status).toBe(403);
    expect(refusedRead.json).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/queued conversations and the ones you hold/) } });
    expect((await note(id, agentToken)).status).toBe(403);

    expect((await read(id, clinicianToken)).status).toBe(200);
    expect((await note(id, clinicianToken)).status).toBe(201);
    const asSupervisor = await read(id, supervisorToken);
    expect(asSupervisor.status).toBe(200);
    expect((asSupervisor.json as unknown as { notes: unknown[] }).notes).toHaveLength(1);
  });
});
