import { startApp, type RunningApp } from '../../support/startApp';
import { agentCall, ChannelRecorder, conv, Customer } from '../../http/agent/agentHarness';

describe('the handoff sweeper runs inside the app', () => {
  let running: RunningApp;
  let recorder: ChannelRecorder;
  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
    running = await startApp({ HANDOFF_LEASE_SECONDS: '5', HANDOFF_SWEEP_INTERVAL_SECONDS: '1' });
  });
  afterAll(async () => {
    await running.stop();
    await recorder.stop();
  });

  it('requeues a claim nobody renews once its lease runs out, and tells the customer', async () => {
    await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, recorder.url);
    await customer.askForHuman();
    expect((await agentCall(running.baseUrl, 'POST', `${conv(customer.conversationId)}/claim`)).status).toBe(200);
    expect((await running.app.handoffPorts.store.getRecord(customer.conversationId))?.state).toBe('assigned');
    const notice = await recorder.waitFor(customer.conversationId, (m) => /You keep your place/.test(m.text ?? ''), 9000);
    expect(notice.channelData?.agent).toBeUndefined();
    expect((await running.app.handoffPorts.store.getRecord(customer.conversationId))?.state).toBe('queued');
  }, 15_000);
});
