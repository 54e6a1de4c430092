import { startApp, type RunningApp } from '../support/startApp';
import { agentCall, ChannelRecorder, conv, Customer } from './agent/agentHarness';

describe('an anonymous activity may not move a known conversation to another serviceUrl', () => {
  let running: RunningApp;
  let channel: ChannelRecorder;
  let attacker: ChannelRecorder;

  beforeAll(async () => {
    [channel, attacker] = await Promise.all([new ChannelRecorder().start(), new ChannelRecorder().start()]);
    running = await startApp();
  });
  afterAll(async () => {
    await running.stop();
    await Promise.all([channel.stop(), attacker.stop()]);
  });

  it("refuses it with 403, and the agent's replies keep reaching the customer's channel", async () => {
    await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
    const customer = new Customer(running.baseUrl, channel.url);
    await customer.askForHuman();
    expect((await agentCall(running.baseUrl, 'POST', `${conv(customer.conversationId)}/claim`)).status).toBe(200);

    const hijack = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(customer.activity('I want to talk to a human agent please', { serviceUrl: attacker.url })),
    });
    expect(hijack.status).toBe(403);
    expect(((await hijack.json()) as { error: { message: string } }).error.message).toMatch(/another serviceUrl/);

    const sent = await agentCall(running.baseUrl, 'POST', `${conv(customer.conversationId)}/messages`, { body: { text: 'Hello from the agent' } });
    expect(sent.status).toBe(202);
    await channel.waitFor(customer.conversationId, (m) => m.text === 'Hello from the agent');
    expect(attacker.received).toEqual([]);
  });

  it('still takes the same conversation at its own serviceUrl, and any new conversation', async () => {
    const customer = new Customer(running.baseUrl, channel.url);
    expect(await customer.texts('hello')).not.toHaveLength(0);
    expect(await new Customer(running.baseUrl, attacker.url).texts('hello')).not.toHaveLength(0);
  });
});
