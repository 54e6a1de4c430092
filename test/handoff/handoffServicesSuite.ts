import { loadConfig } from '../../src/config';
import type { Agent } from '../../src/handoff/agents';
import { BusinessCalendar } from '../../src/handoff/businessCalendar';
import type { HandoffEvent } from '../../src/handoff/events';
import { createHandoffServices, type HandoffServices } from '../../src/handoff/createHandoffServices';
import { handoffConfigFrom, type CustomerNotice } from '../../src/handoff/handoffCore';
import type { HandoffDecision } from '../../src/handoff/policy';
import type { AgentDesk } from '../../src/handoff/agentDesk';
import type { HandoffStatus } from '../../src/handoff/vocabulary';
import { createMetrics, type Metrics } from '../../src/observability/metrics';
import { FakeClock } from './support/fakeClock';
import type { HandoffBackend } from './support/handoffBackends';

const dana: Agent = { id: 'dana', name: 'Dana', role: 'agent', skills: [] };
const lee: Agent = { id: 'lee', name: 'Lee', role: 'supervisor', skills: [] };

const decision = (extra: Partial<HandoffDecision> = {}): HandoffDecision => ({
  action: 'handoff',
  priority: 'normal',
  reasonCodes: ['user_requested'],
  sendEmergencyGuidance: false,
  ...extra,
});

const conversation = (conversationId: string) => ({
  conversationId,
  channelId: 'webchat',
  summary: `Customer pat@example.com needs help (${conversationId})`,
});

/** Stands in for the bot layer: delivers the notices the services return. */
class RecordingChannel {
  readonly sent: { conversationId: string; text: string; agentName?: string }[] = [];
  failNext = false;

  async deliver(notice: CustomerNotice): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('channel down');
    }
    const { kind: _kind, ...message } = notice;
    this.sent.push(message);
  }

  async tell<T extends { notices: readonly CustomerNotice[] }>(result: T): Promise<T> {
    for (const notice of result.notices) await this.deliver(notice);
    return result;
  }

  to(conversationId: string): string[] {
    return this.sent.filter((m) => m.conversationId === conversationId).map((m) => m.text);
  }
}

async function eventually<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = read();
  }
  return value;
}

async function counter(metrics: Metrics, name: 'handoffs' | 'conversations' | 'csat', labels: Record<string, string>): Promise<number> {
  const { values } = await metrics[name].get();
  return values.filter((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l)).reduce((sum, v) => sum + v.value, 0);
}

/**
 * Handoff behaviour (customer, desk, hub, sweeper), run over a backend with two "processes" sharing state.
 * For Redis the processes use separate clients and subscriber connections.
 */
export function handoffServicesSuite(name: string, makeBackend: (clock: FakeClock) => Promise<HandoffBackend>): void {
  describe(`the handoff services over ${name}`, () => {
    let clock: FakeClock;
    let backend: HandoffBackend;
    let channel: RecordingChannel;
    let metrics: Metrics;
    let a: HandoffServices;
    let b: HandoffServices;
    let events: HandoffEvent[];
    let n = 0;
    const id = () => `svc-${++n}`;

    const build = (env: Record<string, string> = {}) => {
      const config = loadConfig({ BUSINESS_HOURS: 'mon-fri 08:00-18:00', BUSINESS_TIMEZONE: 'America/New_York', ...env });
      const calendar = BusinessCalendar.fromConfig(config);
      const names: Record<string, string> = { dana: 'Dana', lee: 'Lee' };
      const make = (i: 0 | 1) =>
        createHandoffServices({
          ...backend.processes[i],
          calendar,
          config: handoffConfigFrom(config),
          agentName: (agentId) => names[agentId],
          metrics,
          clock: clock.now,
        });
      a = make(0);
      b = make(1);
    };

    // The desk, hub and sweeper return notices; here they reach the customer as the bot layer would send them.
    const claim = async (p: HandoffServices, c: string, agent: Agent) => channel.tell(await p.desk.claim(c, agent));
    const requeue = async (p: HandoffServices, c: string, agent: Agent) => (await channel.tell(await p.desk.requeue(c, agent))).record;
    const hubStatus = async (p: HandoffServices, c: string, status: HandoffStatus, hubId: string) =>
      (await channel.tell(await p.hub.applyExternalStatus(c, status, hubId))).record;
    const sweep = async (p: HandoffServices) => channel.tell(await p.sweep.sweep());
    const sendAgentMessage = (p: HandoffServices, c: string, agent: Agent, message: Parameters<AgentDesk['sendAgentMessage']>[2]) =>
      p.desk.sendAgentMessage(c, agent, message, (notice) => channel.deliver(notice));

    /** Two in line, the first claimed by Dana. */
    const claimedWithOneBehind = async (): Promise<[string, string]> => {
      const [c, behind] = [id(), id()];
      await a.customer.requestHandoff(conversation(c), decision());
      await a.customer.requestHandoff(conversation(behind), decision());
      await claim(a, c, dana);
      return [c, behind];
    };

    const eventsOf = (type: HandoffEvent['type'], conversationId: string) =>
      events.filter((e) => e.type === type && e.conversationId === conversationId);

    beforeEach(async () => {
      clock = new FakeClock(Date.parse('2025-03-03T15:00:00Z')); // Monday 10:00 in New York
      backend = await makeBackend(clock);
      channel = new RecordingChannel();
      metrics = createMetrics();
      events = [];
      backend.processes[1].bus.subscribe((e) => events.push(e));
      await backend.processes[1].ready();
      build();
      await a.desk.heartbeat(dana);
    });
    afterEach(async () => backend.close());

    describe('emergencies while a person owns the chat', () => {
      it('while queued: urgent ahead of the line, the new place recorded and told, and an alert for the agents (seen by the other process)', async () => {
        const [first, c] = [id(), id()];
        await a.customer.requestHandoff(conversation(first), decision());
        await a.customer.requestHandoff(conversation(c), decision());
        const raised = await b.customer.raiseEmergency(c, ['cardiac']);
        expect(raised).toEqual({
          state: 'queued',
          position: 1,
          etaSeconds: 300,
          customerMessage: "I've marked your request as urgent. You're next in line. The estimated wait is about 5 minutes.",
        });
        expect((await a.desk.queue(lee)).map((i) => [i.conversationId, i.priority, i.reason])).toEqual([
          [c, 'urgent', 'emergency'],
          [first, 'normal', 'user_requested'],
        ]);
        expect((await a.customer.status(c)).position).toBe(1);
        const [alert] = await eventually(() => eventsOf('alert', c), (e) => e.length > 0);
        expect(alert?.data).toEqual({ kind: 'emergency', categories: ['cardiac'], state: 'queued', priority: 'urgent', previousPriority: 'normal', position: 1 });
      });

      it('while assigned: urgent, the assignment untouched, the alert names the agent, and the customer hears who was alerted', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        await claim(a, c, dana);
        const raised = await b.customer.raiseEmergency(c, ['suicide_self_harm']);
        expect(raised).toEqual({ state: 'assigned', customerMessage: "I've alerted Dana from our team that this is urgent." });
        expect(await b.customer.stateOf(c)).toBe('assigned');
        const [alert] = await eventually(() => eventsOf('alert', c), (e) => e.length > 0);
        expect(alert?.data).toMatchObject({ state: 'assigned', assignedAgent: 'dana', position: null, priority: 'urgent' });
      });

      it('does nothing for a conversation the bot owns (the bot hands it over itself)', async () => {
        const c = id();
        expect(await a.customer.raiseEmergency(c, ['cardiac'])).toBeUndefined();
        await a.customer.requestHandoff(conversation(c), decision());
        await a.customer.cancelByUser(c);
        expect(await a.customer.raiseEmergency(c, ['cardiac'])).toBeUndefined();
        expect(eventsOf('alert', c)).toEqual([]);
      });

      it('withdraws a false alarm only from a wait the emergency alone started', async () => {
        const [alone, asked] = [id(), id()];
        await a.customer.requestHandoff(conversation(alone), decision({ priority: 'urgent', reasonCodes: ['emergency', 'policy_intent'], sendEmergencyGuidance: true }));
        await a.customer.requestHandoff(conversation(asked), decision());
        await a.customer.raiseEmergency(asked, ['cardiac']);
        expect(await b.customer.withdrawEmergency(asked)).toBeUndefined();
        expect(await b.customer.stateOf(asked)).toBe('queued');
        expect(await b.customer.withdrawEmergency(alone)).toEqual({ waitEnded: true, customerMessage: expect.stringMatching(/^OK, I'm glad it's not an emergency\./) });
        expect(await a.customer.stateOf(alone)).toBe('bot');
        await eventually(() => eventsOf('cancelled', alone), (e) => e.length > 0);
      });

      it('keeps a crisis wait (suicide or self-harm language) when the customer says they are fine: a person still checks in', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision({ priority: 'urgent', reasonCodes: ['emergency'], sendEmergencyGuidance: true, skill: 'crisis' }));
        expect(await b.customer.withdrawEmergency(c)).toEqual({ waitEnded: false, customerMessage: expect.stringMatching(/still check in with you.*988/) });
        expect(await backend.processes[0].store.getRecord(c)).toMatchObject({ state: 'queued', skill: 'crisis' });
        expect(eventsOf('cancelled', c)).toEqual([]);
      });

      it('files an urgent callback at once when nobody can take an emergency, and says so without promising a person now', async () => {
        clock.ms = Date.parse('2025-03-03T23:30:00Z'); // Monday 18:30, after hours
        const c = id();
        const outcome = await a.customer.requestHandoff(conversation(c), decision({ priority: 'urgent', reasonCodes: ['emergency'], sendEmergencyGuidance: true }));
        expect(outcome).toMatchObject({ outcome: 'callback', reason: 'after_hours', needsContact: true, ticket: { priority: 'urgent', contact: null, status: 'open' } });
        expect(outcome.customerMessage).toBe(
          "Our team is offline at this hour. Please don't wait for us: use the numbers above. I've filed an urgent callback request for our team. We'll contact you by tomorrow 9:00 AM ET.",
        );
        const booked = await b.customer.scheduleCallback(conversation(c), { kind: 'phone', value: '+14155550132' });
        expect(booked.ticket).toMatchObject({ ticketId: outcome.outcome === 'callback' ? outcome.ticket?.ticketId : '', priority: 'urgent', contact: { kind: 'phone' } });
      });
    });

    describe('requestHandoff', () => {
      it('queues during opening hours with an agent online, and says where the customer stands', async () => {
        const c = id();
        const outcome = await a.customer.requestHandoff(conversation(c), decision({ reasonCodes: ['frustration'], priority: 'high' }));
        expect(outcome).toMatchObject({ outcome: 'queued', position: 1, etaSeconds: 300 });
        expect(outcome.customerMessage).toBe(
          'I\'m connecting you with a person from our team. You\'re next in line. The estimated wait is about 5 minutes. You can type "cancel" to stop waiting.',
        );
        expect(await b.customer.isBotSilenced(c)).toBe(true);
        const [queued] = await eventually(() => eventsOf('queued', c), (e) => e.length > 0);
        expect(queued?.data).toEqual({ priority: 'high', reason: 'frustration', reasonCodes: ['frustration'], position: 1, channelId: 'webchat' });
        expect(await counter(metrics, 'handoffs', { reason: 'frustration', route: 'queue' })).toBe(1);
        expect(await counter(metrics, 'conversations', { outcome: 'escalated' })).toBe(1);
      });

      it('answers a repeated request with the same place, raising the priority, without a second event', async () => {
        const [first, second] = [id(), id()];
        await a.customer.requestHandoff(conversation(first), decision());
        await a.customer.requestHandoff(conversation(second), decision());
        const again = await b.customer.requestHandoff(conversation(second), decision({ priority: 'urgent', reasonCodes: ['emergency'] }));
        expect(again).toMatchObject({ outcome: 'queued', position: 1 });
        expect(again.customerMessage).toMatch(/^You're still in line for our team\. You're next in line\./);
        await eventually(() => eventsOf('queued', second), (e) => e.length > 0);
        expect(eventsOf('queued', second)).toHaveLength(1);
        expect(await counter(metrics, 'handoffs', { route: 'queue' })).toBe(2);
      });

      it('estimates the wait from real handle times and the agents online', async () => {
        await a.desk.heartbeat(lee);
        for (const minutes of [10, 10, 10]) {
          const c = id();
          await a.customer.requestHandoff(conversation(c), decision());
          await claim(a, c, dana);
          clock.advance(minutes * 60_000);
          await a.desk.release(c, dana, { disposition: 'resolved' });
        }
        const waiting = [id(), id(), id()];
        const outcomes = [];
        for (const c of waiting) outcomes.push(await b.customer.requestHandoff(conversation(c), decision()));
        // avg = (3×600 + 3×300)/6 = 450 s; two agents: positions 1-2 wait one round, position 3 two.
        expect(outcomes.map((o) => (o.outcome === 'queued' ? o.etaSeconds : null))).toEqual([450, 450, 900]);
      });

      it('offers a callback after hours, asking for a contact when none is known', async () => {
        clock.ms = Date.parse('2025-03-03T23:30:00Z'); // Monday 18:30
        const c = id();
        const outcome = await a.customer.requestHandoff(conversation(c), decision({ reasonCodes: ['policy_intent'] }));
        expect(outcome).toEqual({
          outcome: 'callback',
          reason: 'after_hours',
          needsContact: true,
          ticket: null,
          whenText: "We'll contact you by tomorrow 9:00 AM ET.",
          customerMessage: "Our team is offline right now. We'll contact you by tomorrow 9:00 AM ET.",
        });
        expect(await a.customer.isBotSilenced(c)).toBe(false);
        const booked = await a.customer.scheduleCallback(conversation(c), { kind: 'email', value: 'pat@example.com' });
        expect(booked.whenText).toBe("We'll contact you by tomorrow 9:00 AM ET.");
        expect(booked.ticket).toMatchObject({ reason: 'after_hours', contact: { kind: 'email', value: 'pat@example.com' }, status: 'open' });
        expect(await counter(metrics, 'handoffs', { reason: 'policy_intent', route: 'callback' })).toBe(1);
        const [callback] = await eventually(() => eventsOf('callback', c), (e) => e.length > 0);
        expect(callback?.data).toMatchObject({ ticketId: booked.ticket.ticketId, reason: 'after_hours' });
        expect((await a.customer.status(c)).customerMessage).toBe("Your callback request is open. We'll contact you by tomorrow 9:00 AM ET.");
      });

      it('files the ticket at once when nobody is online and the contact is known', async () => {
        await backend.processes[0].presence.offline('dana');
        const c = id();
        const outcome = await a.customer.requestHandoff({ ...conversation(c), contact: { kind: 'phone', value: '+15550107788' } }, decision());
        expect(outcome).toMatchObject({ outcome: 'callback', reason: 'no_agent', needsContact: false });
        expect(outcome.outcome === 'callback' && outcome.ticket?.contact).toEqual({ kind: 'phone', value: '+15550107788' });
        expect(outcome.customerMessage).toBe("Nobody from our team is free to chat right now. We'll contact you by 11:00 AM ET today.");
      });
    });

    describe('claim', () => {
      it('has one winner when agents in two processes race; one event, one join notice', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        clock.advance(90_000);
        const results = await Promise.allSettled([claim(a, c, dana), claim(b, c, lee), claim(a, c, lee), claim(b, c, dana)]);
        expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
        const owner = (await a.customer.status(c)).customerMessage;
        expect(owner).toMatch(/^You're connected with (Dana|Lee) from our team\.$/);
        const winner = owner.includes('Dana') ? 'dana' : 'lee';
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'HANDOFF_CONFLICT' });
        }
        // The winner's second attempt (same agent) is an idempotent re-claim; the other agent always loses.
        const loserWins = results.filter((r, i) => r.status === 'fulfilled' && [dana, lee, lee, dana][i]?.id !== winner);
        expect(loserWins).toHaveLength(0);
        await eventually(() => eventsOf('claimed', c), (e) => e.length > 0);
        await new Promise((r) => setTimeout(r, 50));
        expect(eventsOf('claimed', c)).toHaveLength(1);
        expect(channel.to(c).filter((t) => t.includes('You are now chatting with'))).toHaveLength(1);
        const { values } = await metrics.handoffWait.get();
        expect(values.find((v) => v.metricName === 'tandem_handoff_wait_seconds_sum')?.value).toBe(90);
      });
    });

    describe('agent messages', () => {
      let c: string;
      let token: number;
      beforeEach(async () => {
        c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        token = (await claim(a, c, dana)).fencingToken;
        channel.sent.length = 0;
      });

      it('reach the customer once per idempotency key, and renew the lease', async () => {
        clock.advance(60_000);
        const first = await sendAgentMessage(a, c, dana, { text: '  Hi, I can help with that.  ', idempotencyKey: 'm-1', fencingToken: token });
        const retry = await sendAgentMessage(b, c, dana, { text: 'Hi, I can help with that.', idempotencyKey: 'm-1' });
        expect(first).toEqual({ delivered: true, duplicate: false });
        expect(retry).toEqual({ delivered: false, duplicate: true });
        expect(channel.sent).toEqual([{ conversationId: c, text: 'Hi, I can help with that.', agentName: 'Dana' }]);
        const record = await b.desk.contextPack(c, 'redacted', []);
        expect(record.assignedAgent).toBe('dana');
        expect((await backend.processes[1].store.getRecord(c))?.leaseExpiresAt).toBe(new Date(clock.ms + 90_000).toISOString());
        const [message] = await eventually(() => eventsOf('message', c), (e) => e.length > 0);
        expect(message?.data).toEqual({ from: 'agent', text: 'Hi, I can help with that.', agentId: 'dana', agentName: 'Dana', messageId: 'm-1' });
      });

      it('are validated before anything happens', async () => {
        for (const text of ['', '   ', 'x'.repeat(4001)]) {
          await expect(sendAgentMessage(a, c, dana, { text })).rejects.toMatchObject({ code: 'UNPROCESSABLE', status: 422 });
        }
        await expect(sendAgentMessage(a, c, dana, { text: 'ok', idempotencyKey: 'has spaces' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
        expect((await sendAgentMessage(a, c, dana, { text: 'x'.repeat(4000) })).delivered).toBe(true);
        expect(channel.sent).toHaveLength(1);
      });

      it('are refused to anyone but the owner with the current token', async () => {
        await expect(sendAgentMessage(a, c, lee, { text: 'hello' })).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER', status: 403 });
        await expect(sendAgentMessage(a, c, dana, { text: 'hello', fencingToken: token + 1 })).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER' });
        await expect(sendAgentMessage(a, 'ghost', dana, { text: 'hello' })).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND', status: 404 });
        await a.desk.release(c, dana, { disposition: 'resolved' });
        await expect(sendAgentMessage(a, c, dana, { text: 'hello' })).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT', status: 409 });
        expect(channel.sent).toEqual([]);
      });

      it('can be retried with the same key after a delivery failure', async () => {
        channel.failNext = true;
        await expect(sendAgentMessage(a, c, dana, { text: 'hello', idempotencyKey: 'm-2' })).rejects.toThrow('channel down');
        expect(await sendAgentMessage(a, c, dana, { text: 'hello', idempotencyKey: 'm-2' })).toEqual({ delivered: true, duplicate: false });
        expect(channel.to(c)).toEqual(['hello']);
      });
    });

    describe('the customer side while a human owns the chat', () => {
      it('forwards user messages to the agents (the turn decided that a person owns the chat)', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        await a.customer.forwardUserMessage(c, 'are you there?', '2025-03-03T15:00:05.000Z');
        const [message] = await eventually(() => eventsOf('message', c), (e) => e.length > 0);
        expect(message).toEqual({ type: 'message', conversationId: c, at: '2025-03-03T15:00:05.000Z', data: { from: 'user', text: 'are you there?' } });
      });

      it('answers "where am I" and lets the customer cancel', async () => {
        const [ahead, c] = [id(), id()];
        await a.customer.requestHandoff(conversation(ahead), decision());
        await a.customer.requestHandoff(conversation(c), decision());
        expect(await b.customer.status(c)).toEqual({
          state: 'queued',
          position: 2,
          etaSeconds: 600,
          customerMessage: "You're number 2 in line. The estimated wait is about 10 minutes.",
        });
        expect(await b.customer.cancelByUser(c)).toEqual({ cancelled: true, customerMessage: "OK, I've cancelled your request for a person and taken you out of the line. I'm here if you need anything else." });
        expect(await b.customer.cancelByUser(c)).toEqual({ cancelled: false, customerMessage: "You're not waiting for our team right now. How else can I help?" });
        expect(await a.customer.isBotSilenced(c)).toBe(false);
        expect((await a.customer.status(c)).customerMessage).toBe("You're not waiting for our team right now.");
        const [cancelled] = await eventually(() => eventsOf('cancelled', c), (e) => e.length > 0);
        expect(cancelled?.data).toEqual({ by: 'user', previousState: 'queued' });
      });

      it('ends a live chat when the customer cancels it', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        await claim(a, c, dana);
        expect((await a.customer.cancelByUser(c)).customerMessage).toMatch(/^OK, I've ended your chat with our team\./);
        const [cancelled] = await eventually(() => eventsOf('cancelled', c), (e) => e.length > 0);
        expect(cancelled?.data).toEqual({ by: 'user', previousState: 'assigned', previousAgent: 'dana' });
      });
    });

    describe('notes, release and CSAT', () => {
      it('returns the conversation to the bot with the note, observing handle time', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        const { fencingToken } = await claim(a, c, dana);
        await b.desk.addNote(c, lee, '  Loyal customer since 2019 ');
        await expect(a.desk.addNote(c, dana, '')).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
        clock.advance(300_000);
        await expect(b.desk.release(c, lee, { disposition: 'resolved' })).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER' });
        const { record, handleMs } = await b.desk.release(c, dana, { disposition: 'return_to_bot', note: 'Refund issued; confirm by email', fencingToken });
        expect(handleMs).toBe(300_000);
        expect(record).toMatchObject({ state: 'bot', lastDisposition: 'return_to_bot', lastReleaseNote: 'Refund issued; confirm by email' });
        expect(record.notes.map((x) => x.text)).toEqual(['Loyal customer since 2019', 'Refund issued; confirm by email']);
        expect(await a.customer.isBotSilenced(c)).toBe(false);
        const [released] = await eventually(() => eventsOf('released', c), (e) => e.length > 0);
        expect(released?.data).toEqual({ agentId: 'dana', disposition: 'return_to_bot', note: 'Refund issued; confirm by email' });
        expect(eventsOf('note', c).map((e) => e.data)).toEqual([{ agentId: 'lee', text: 'Loyal customer since 2019' }]);
        const { values } = await metrics.handoffHandle.get();
        expect(values.find((v) => v.metricName === 'tandem_handoff_handle_seconds_sum')?.value).toBe(300);
        await a.customer.recordCsat(c, 5);
        expect(await counter(metrics, 'csat', { score: '5' })).toBe(1);
        await expect(a.customer.recordCsat(c, 9)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
      });
    });

    describe('the agent view', () => {
      it('lists the queue with summaries redacted unless the role may see PII', async () => {
        const [x, y] = [id(), id()];
        await a.customer.requestHandoff(conversation(x), decision());
        clock.advance(1000);
        await a.customer.requestHandoff(conversation(y), decision({ priority: 'urgent', reasonCodes: ['emergency'] }));
        const forAgent = await b.desk.queue(dana);
        expect(forAgent.map((i) => [i.conversationId, i.position, i.priority])).toEqual([[y, 1, 'urgent'], [x, 2, 'normal']]);
        expect(forAgent[1]).toEqual({
          conversationId: x,
          state: 'queued',
          priority: 'normal',
          reason: 'user_requested',
          reasonCodes: ['user_requested'],
          waitingSince: '2025-03-03T15:00:00.000Z',
          position: 2,
          summary: `Customer [email] needs help (${x})`,
          channelId: 'webchat',
          skill: null,
        });
        expect((await b.desk.queue(lee))[1]?.summary).toBe(`Customer pat@example.com needs help (${x})`);
      });

      it('builds the context pack from the record and the insights', async () => {
        const c = id();
        await expect(a.desk.contextPack(c, 'redacted', [])).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
        await backend.processes[0].insights.append(c, {
          at: '2025-03-03T14:59:00.000Z',
          intent: { intent: 'billing.dispute', confidence: 0.9 },
          slots: { email: 'pat@example.com', invoice: 'INV-42' },
        });
        await a.customer.requestHandoff(conversation(c), decision());
        const pack = await b.desk.contextPack(c, 'redacted', [{ from: 'user', text: 'mail me at pat@example.com', at: '2025-03-03T14:59:00.000Z' }]);
        expect(pack).toMatchObject({
          intents: [{ intent: 'billing.dispute', confidence: 0.9, at: '2025-03-03T14:59:00.000Z' }],
          slots: { email: '[redacted]', invoice: 'INV-42' },
          transcript: [{ from: 'user', text: 'mail me at [email]' }],
          state: 'queued',
          piiVisible: false,
        });
      });
    });

    describe('external hub (handoff.status)', () => {
      it('accepted assigns to the hub, failed puts it back in line, completed returns it to the bot', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        expect((await hubStatus(a, c, 'accepted', 'genesys'))?.assignedAgent).toBe('hub:genesys');
        expect(await a.customer.isBotSilenced(c)).toBe(true);
        expect((await hubStatus(a, c, 'failed', 'genesys'))?.state).toBe('queued');
        await hubStatus(a, c, 'accepted', 'genesys');
        expect((await hubStatus(a, c, 'completed', 'genesys'))?.state).toBe('bot');
        expect((await hubStatus(a, c, 'completed', 'genesys'))?.state).toBe('bot');
        await eventually(() => eventsOf('released', c), (e) => e.length > 0);
        // On a cluster, two PUBLISHes may go through different nodes, so events can arrive out of order.
        const requeued = await eventually(() => eventsOf('requeued', c), (e) => e.length > 0);
        expect(requeued.map((e) => e.data)).toEqual([{ cause: 'hub_failed', previousAgent: 'hub:genesys', position: 1 }]);
      });
    });

    describe('an agent putting a chat back in line', () => {
      it('keeps its place, tells the agents, and returns the notice for the customer instead of sending it', async () => {
        const [c, behind] = await claimedWithOneBehind();
        channel.sent.length = 0;
        const { record, notices } = await b.desk.requeue(c, dana);
        expect(record.state).toBe('queued');
        expect(channel.sent).toEqual([]);
        expect(notices).toEqual([
          { conversationId: c, text: "Sorry, the person helping you was disconnected. You keep your place: You're next in line. The estimated wait is about 5 minutes." },
        ]);
        expect(await requeue(a, behind, dana).catch((error: unknown) => error)).toMatchObject({ code: 'HANDOFF_CONFLICT' });
        const [requeued] = await eventually(() => eventsOf('requeued', c), (e) => e.length > 0);
        expect(requeued?.data).toEqual({ cause: 'agent_requeue', previousAgent: 'dana', position: 1 });
      });
    });

    describe('sweep', () => {
      it('requeues an abandoned claim at its place and tells the customer', async () => {
        const [c] = await claimedWithOneBehind();
        clock.advance(91_000);
        const result = await sweep(b);
        expect(result.requeued).toEqual([c]);
        expect(await a.customer.status(c)).toMatchObject({ state: 'queued', position: 1 });
        expect(channel.to(c).at(-1)).toBe("Sorry, the person helping you was disconnected. You keep your place: You're next in line. The estimated wait is about 5 minutes.");
        const [requeued] = await eventually(() => eventsOf('requeued', c), (e) => e.length > 0);
        expect(requeued?.data).toEqual({ cause: 'lease_expired', position: 1 });
      });

      it('does not count time spent with an agent towards the queue timeout', async () => {
        const c = id();
        await a.customer.requestHandoff(conversation(c), decision());
        clock.advance(2 * 60_000);
        const { fencingToken } = await claim(a, c, dana);
        for (let i = 0; i < 20; i += 1) {
          clock.advance(60_000);
          await a.desk.renewLease(c, dana, fencingToken);
        }
        clock.advance(91_000);
        const result = await sweep(b);
        expect(result).toMatchObject({ requeued: [c], timedOut: [] });
        clock.advance(14 * 60_000);
        expect((await sweep(b)).timedOut).toEqual([]);
        clock.advance(60_000);
        expect((await sweep(b)).timedOut).toEqual([c]);
      });

      it('turns a wait past the timeout into a callback, once, even with two sweepers', async () => {
        const c = id();
        await a.customer.requestHandoff({ ...conversation(c), contact: { kind: 'phone', value: '+15550107788' } }, decision());
        clock.advance(15 * 60_000);
        const [ra, rb] = await Promise.all([sweep(a), sweep(b)]);
        expect([...ra.timedOut, ...rb.timedOut]).toEqual([c]);
        expect(await a.customer.isBotSilenced(c)).toBe(false);
        const notices = channel.to(c).filter((t) => t.includes('long wait'));
        expect(notices).toEqual(["I'm sorry for the long wait; nobody has been free to take your conversation. We'll contact you by 11:15 AM ET today."]);
        const [callback] = await eventually(() => eventsOf('callback', c), (e) => e.length > 0);
        expect(callback?.data).toMatchObject({ reason: 'timeout' });
        expect(await counter(metrics, 'handoffs', { reason: 'timeout', route: 'callback' })).toBe(1);
      });

      it('tells waiting customers about material changes only, and not twice', async () => {
        const ids = [id(), id(), id(), id()];
        for (const c of ids) await a.customer.requestHandoff(conversation(c), decision());
        channel.sent.length = 0;
        clock.advance(30_000);
        expect((await sweep(a)).announced).toEqual([]);
        await b.desk.heartbeat(lee);
        await claim(b, ids[0]!, dana);
        await claim(b, ids[1]!, lee);
        clock.advance(60_000);
        const [ra, rb] = await Promise.all([sweep(a), sweep(b)]);
        // The last one moved from 4th to 2nd (material); the third moved one place up to next in line (material).
        expect([...ra.announced, ...rb.announced].sort()).toEqual([ids[2], ids[3]].sort());
        expect(channel.to(ids[3]!)).toEqual(["Update: You're number 2 in line. The estimated wait is about 5 minutes."]);
        expect(channel.to(ids[2]!)).toEqual(["Update: You're next in line. The estimated wait is about 5 minutes."]);
        // Past the quiet interval, nothing changed (the agents keep their claims alive): no news.
        await a.desk.renewLease(ids[0]!, dana, 1);
        await a.desk.renewLease(ids[1]!, lee, 1);
        clock.advance(80_000);
        expect((await sweep(a)).announced).toEqual([]);
        // A lost claim goes back in front of them: that is news.
        clock.advance(20_000);
        const later = await sweep(a);
        expect([...later.requeued].sort()).toEqual([ids[0], ids[1]].sort());
        expect([...later.announced].sort()).toEqual([ids[2], ids[3]].sort());
        expect(channel.to(ids[3]!).at(-1)).toBe("Update: You're number 4 in line. The estimated wait is about 10 minutes.");
      });
    });
  });
}
