import type { HandoffStore, EnqueueInput } from '../../src/handoff/handoffStore';
import { FakeClock } from './support/fakeClock';

export interface HandoffStoreHarness {
  store: HandoffStore;
  clock: FakeClock;
  /** A second store over the same state (another process / Redis client); the memory twin returns the same one. */
  second: HandoffStore;
  close(): Promise<void>;
}

const lease = 60_000;

/** The one contract every HandoffStore implementation must satisfy. */
export function handoffStoreContract(name: string, make: (options: { handleHistory: number }) => Promise<HandoffStoreHarness>): void {
  describe(`HandoffStore contract: ${name}`, () => {
    let h: HandoffStoreHarness;
    let store: HandoffStore;
    let clock: FakeClock;
    let n = 0;
    const id = () => `conv-${++n}`;
    const input = (conversationId: string, extra: Partial<EnqueueInput> = {}): EnqueueInput => ({
      conversationId,
      channelId: 'webchat',
      priority: 'normal',
      reasonCodes: ['user_requested'],
      summary: 'Wants to change a delivery address',
      ...extra,
    });
    const queueIds = async () => (await store.listQueue()).map((e) => e.conversationId);

    beforeEach(async () => {
      h = await make({ handleHistory: 3 });
      store = h.store;
      clock = h.clock;
    });
    afterEach(async () => h.close());

    describe('state alone (the turn path reads it on every message)', () => {
      it('follows the record through queued, assigned and back to the bot, and is bot for an unknown conversation', async () => {
        const c = id();
        expect(await store.stateOf(c)).toBe('bot');
        await store.enqueue(input(c));
        expect(await store.stateOf(c)).toBe('queued');
        await store.claim(c, 'dana', 60_000);
        expect(await store.stateOf(c)).toBe('assigned');
        await store.release(c, 'dana', { disposition: 'resolved' });
        expect(await store.stateOf(c)).toBe((await store.getRecord(c))?.state ?? 'bot');
        expect(await store.stateOf(c)).toBe('bot');
      });

      it('gives the channel that started the conversation, and nothing for an unknown one', async () => {
        const c = id();
        expect(await store.channelOf(c)).toBeUndefined();
        await store.enqueue(input(c));
        expect(await store.channelOf(c)).toBe('webchat');
      });
    });

    describe('enqueue', () => {
      it('queues a new conversation with its reasons, priority and waiting time', async () => {
        const c = id();
        const { record, created } = await store.enqueue(input(c, { reasonCodes: ['frustration', 'repeated_fallback'], priority: 'high', skill: 'billing' }));
        expect(created).toBe(true);
        expect(record).toMatchObject({
          conversationId: c,
          channelId: 'webchat',
          state: 'queued',
          priority: 'high',
          reason: 'frustration',
          reasonCodes: ['frustration', 'repeated_fallback'],
          summary: 'Wants to change a delivery address',
          skill: 'billing',
          waitingSince: new Date(clock.ms).toISOString(),
          fencingToken: 0,
          external: false,
          notes: [],
          handledTimes: 0,
        });
        expect(await store.getRecord(c)).toEqual(record);
      });

      it('is idempotent while queued, but raises the priority and merges new reasons', async () => {
        const c = id();
        const first = (await store.enqueue(input(c))).record;
        clock.advance(5000);
        const again = await store.enqueue(input(c, { priority: 'urgent', reasonCodes: ['emergency', 'user_requested'] }));
        expect(again.created).toBe(false);
        expect(again.record).toMatchObject({
          priority: 'urgent',
          reasonCodes: ['user_requested', 'emergency'],
          waitingSince: first.waitingSince,
          enqueuedSeq: first.enqueuedSeq,
        });
        const lower = await store.enqueue(input(c, { priority: 'normal' }));
        expect(lower.record.priority).toBe('urgent');
        expect(await queueIds()).toEqual([c]);
      });

      it('refuses an empty reason list and an assigned conversation, changing nothing', async () => {
        const c = id();
        await expect(store.enqueue(input(c, { reasonCodes: [] }))).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
        expect(await store.getRecord(c)).toBeUndefined();
        await store.enqueue(input(c));
        await store.claim(c, 'dana', lease);
        await expect(store.enqueue(input(c, { priority: 'urgent' }))).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT', status: 409 });
        expect((await store.getRecord(c))?.state).toBe('assigned');
      });
    });

    describe('queue order', () => {
      it('serves urgent, then high, then normal, first come first served within each', async () => {
        const [n1, h1, n2, u1, h2] = [id(), id(), id(), id(), id()];
        for (const [c, priority] of [[n1, 'normal'], [h1, 'high'], [n2, 'normal'], [u1, 'urgent'], [h2, 'high']] as const) {
          await store.enqueue(input(c, { priority }));
          clock.advance(1000);
        }
        const queue = await store.listQueue();
        expect(queue.map((e) => [e.conversationId, e.position])).toEqual([[u1, 1], [h1, 2], [h2, 3], [n1, 4], [n2, 5]]);
        expect(await store.position(n1)).toBe(4);
        expect(await store.position(u1)).toBe(1);
        expect(await store.position('nobody')).toBeNull();
      });

      it('moves a conversation up when its priority rises while it waits', async () => {
        const [a, b] = [id(), id()];
        await store.enqueue(input(a));
        await store.enqueue(input(b));
        await store.enqueue(input(b, { priority: 'urgent', reasonCodes: ['emergency'] }));
        expect(await queueIds()).toEqual([b, a]);
      });
    });

    describe('raise priority (an emergency while a human owns the chat)', () => {
      it('moves a waiting conversation ahead of everyone below its new priority, keeping its wait and making the reason the headline', async () => {
        const [u, h1, n1, n2] = [id(), id(), id(), id()];
        await store.enqueue(input(u, { priority: 'urgent', reasonCodes: ['emergency'] }));
        await store.enqueue(input(h1, { priority: 'high', reasonCodes: ['frustration'] }));
        await store.enqueue(input(n1));
        const before = (await store.enqueue(input(n2, { reasonCodes: ['user_requested', 'frustration'] }))).record;
        clock.advance(3000);
        const { record, previousPriority } = await store.raisePriority(n2, 'urgent', 'emergency');
        expect(previousPriority).toBe('normal');
        expect(record).toMatchObject({
          state: 'queued',
          priority: 'urgent',
          reason: 'emergency',
          reasonCodes: ['emergency', 'user_requested', 'frustration'],
          waitingSince: before.waitingSince,
          enqueuedSeq: before.enqueuedSeq,
          updatedAt: new Date(clock.ms).toISOString(),
        });
        // Urgent ones are served first come first served: behind the earlier urgent one, ahead of the rest.
        expect(await queueIds()).toEqual([u, n2, h1, n1]);
        expect(await store.position(n2)).toBe(2);
        expect(await h.second.getRecord(n2)).toEqual(record);
      });

      it('raises an assigned conversation without touching the assignment, and never lowers a priority', async () => {
        const c = id();
        await store.enqueue(input(c, { priority: 'high', reasonCodes: ['frustration'] }));
        const claimed = await store.claim(c, 'dana', lease);
        const { record, previousPriority } = await store.raisePriority(c, 'urgent', 'emergency');
        expect(previousPriority).toBe('high');
        expect(record).toMatchObject({ state: 'assigned', assignedAgent: 'dana', fencingToken: claimed.fencingToken, priority: 'urgent', reasonCodes: ['emergency', 'frustration'] });
        expect(await queueIds()).toEqual([]);
        const again = await store.raisePriority(c, 'normal', 'emergency');
        expect(again).toMatchObject({ previousPriority: 'urgent', record: { priority: 'urgent', reasonCodes: ['emergency', 'frustration'] } });
        // A requeue after the raise keeps the urgent place.
        const other = id();
        await store.enqueue(input(other, { priority: 'high' }));
        await store.requeue(c, { agentId: 'dana' });
        expect(await queueIds()).toEqual([c, other]);
      });

      it('is refused for a conversation the bot holds, one waiting for a callback, and an unknown one, changing nothing', async () => {
        await expect(store.raisePriority('ghost', 'urgent', 'emergency')).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
        const c = id();
        await store.enqueue(input(c));
        await store.cancel(c);
        const before = await store.getRecord(c);
        await expect(store.raisePriority(c, 'urgent', 'emergency')).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
        expect(await store.getRecord(c)).toEqual(before);
        const waiting = id();
        await store.toCallback({ conversationId: waiting, channelId: 'webchat', contact: null, reason: 'no_agent' });
        await expect(store.raisePriority(waiting, 'urgent', 'emergency')).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });

      it('raises once whichever of two processes gets there first, and the queue holds the conversation once', async () => {
        const [a, b] = [id(), id()];
        await store.enqueue(input(a));
        await store.enqueue(input(b));
        const results = await Promise.all([store.raisePriority(b, 'urgent', 'emergency'), h.second.raisePriority(b, 'urgent', 'emergency')]);
        expect(results.map((r) => r.previousPriority).sort()).toEqual(['normal', 'urgent']);
        expect(await queueIds()).toEqual([b, a]);
      });
    });

    describe('claim', () => {
      it('assigns to the claimer with a lease and a new fencing token, and leaves the queue', async () => {
        const c = id();
        await store.enqueue(input(c));
        const { record, fencingToken, reclaimed } = await store.claim(c, 'dana', lease);
        expect(fencingToken).toBe(1);
        expect(reclaimed).toBe(false);
        expect(record).toMatchObject({
          state: 'assigned',
          assignedAgent: 'dana',
          assignedAt: new Date(clock.ms).toISOString(),
          leaseExpiresAt: new Date(clock.ms + lease).toISOString(),
          fencingToken: 1,
        });
        expect(await queueIds()).toEqual([]);
        expect(await store.position(c)).toBeNull();
      });

      it('refuses a second agent with 409; the owner claiming again keeps its token and extends the lease', async () => {
        const c = id();
        await store.enqueue(input(c));
        await store.claim(c, 'dana', lease);
        await expect(store.claim(c, 'lee', lease)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
        clock.advance(10_000);
        const again = await store.claim(c, 'dana', lease);
        expect(again.fencingToken).toBe(1);
        expect(again.reclaimed).toBe(true);
        expect(again.record.leaseExpiresAt).toBe(new Date(clock.ms + lease).toISOString());
      });

      it('answers 404 for an unknown conversation and 409 for one the bot holds', async () => {
        await expect(store.claim('ghost', 'dana', lease)).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND', status: 404 });
        const c = id();
        await store.enqueue(input(c));
        await store.cancel(c);
        await expect(store.claim(c, 'dana', lease)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });

      it('has exactly one winner among many concurrent claimers, across store instances', async () => {
        const c = id();
        await store.enqueue(input(c));
        const agents = Array.from({ length: 24 }, (_, i) => `agent-${i}`);
        const results = await Promise.allSettled(agents.map((a, i) => (i % 2 ? h.second : store).claim(c, a, lease)));
        const winners = results.filter((r) => r.status === 'fulfilled');
        expect(winners).toHaveLength(1);
        const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(losers.map((r) => (r.reason as { code: string }).code)).toEqual(Array(23).fill('HANDOFF_CONFLICT'));
        const record = await store.getRecord(c);
        expect(record?.fencingToken).toBe(1);
        expect(record?.assignedAgent).toBe((winners[0] as PromiseFulfilledResult<{ record: { assignedAgent: string } }>).value.record.assignedAgent);
      });
    });

    describe('lease and ownership', () => {
      it('lets only the owner with the current token renew', async () => {
        const c = id();
        await store.enqueue(input(c));
        const { fencingToken } = await store.claim(c, 'dana', lease);
        clock.advance(30_000);
        const renewed = await store.renewLease(c, 'dana', fencingToken, lease);
        expect(renewed.leaseExpiresAt).toBe(new Date(clock.ms + lease).toISOString());
        await expect(store.renewLease(c, 'lee', fencingToken, lease)).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER', status: 403 });
        await expect(store.renewLease(c, 'dana', fencingToken + 1, lease)).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER' });
        const q = id();
        await store.enqueue(input(q));
        await expect(store.renewLease(q, 'dana', 1, lease)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });

      it('requeues only assignments whose lease has run out', async () => {
        const [a, b] = [id(), id()];
        await store.enqueue(input(a));
        await store.enqueue(input(b));
        const claimA = await store.claim(a, 'dana', 10_000);
        await store.claim(b, 'lee', 10_000);
        clock.advance(8000);
        await store.renewLease(b, 'lee', 1, 10_000);
        clock.advance(2000);
        expect(await store.expireLeases()).toEqual([a]);
        expect(await store.expireLeases()).toEqual([]);
        const record = await store.getRecord(a);
        expect(record).toMatchObject({ state: 'queued', reasonCodes: ['user_requested', 'agent_requeue'] });
        expect(record?.assignedAgent).toBeUndefined();
        expect((await store.getRecord(b))?.state).toBe('assigned');
        await expect(store.release(a, 'dana', { fencingToken: claimA.fencingToken, disposition: 'resolved' })).rejects.toMatchObject({
          code: 'HANDOFF_CONFLICT',
        });
        expect(await store.expireLeases(clock.ms + 10_000)).toEqual([b]);
      });

      it('keeps the original place in line on requeue, and refuses the stale token after a re-claim', async () => {
        const [a, b, c] = [id(), id(), id()];
        await store.enqueue(input(a));
        clock.advance(1000);
        await store.enqueue(input(b));
        const before = await store.getRecord(a);
        const first = await store.claim(a, 'dana', lease);
        clock.advance(1000);
        await store.enqueue(input(c));
        clock.advance(60_000);
        const requeued = await store.requeue(a);
        expect(requeued).toMatchObject({
          state: 'queued',
          waitingSince: before?.waitingSince,
          enqueuedSeq: before?.enqueuedSeq,
          requeuedAt: new Date(clock.ms).toISOString(),
        });
        expect(await queueIds()).toEqual([a, b, c]);
        const second = await store.claim(a, 'dana', lease);
        expect(second.fencingToken).toBe(first.fencingToken + 1);
        await expect(store.renewLease(a, 'dana', first.fencingToken, lease)).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER' });
        await expect(store.release(a, 'dana', { fencingToken: first.fencingToken, disposition: 'resolved' })).rejects.toMatchObject({
          code: 'HANDOFF_NOT_OWNER',
        });
      });

      it('lets only the named owner requeue, and refuses to requeue what is not assigned', async () => {
        const c = id();
        await store.enqueue(input(c));
        await expect(store.requeue(c)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
        await store.claim(c, 'dana', lease);
        await expect(store.requeue(c, { agentId: 'lee' })).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER' });
        expect((await store.requeue(c, { agentId: 'dana' })).state).toBe('queued');
        await expect(store.requeue('ghost')).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
      });
    });

    describe('release', () => {
      it('returns the conversation to the bot, counts it handled and keeps the note', async () => {
        const c = id();
        await store.enqueue(input(c));
        const { fencingToken } = await store.claim(c, 'dana', lease);
        clock.advance(125_000);
        const { record, handleMs } = await store.release(c, 'dana', { fencingToken, disposition: 'return_to_bot', note: 'Address updated; confirm delivery date' });
        expect(handleMs).toBe(125_000);
        expect(record).toMatchObject({
          state: 'bot',
          handledTimes: 1,
          lastDisposition: 'return_to_bot',
          lastReleaseNote: 'Address updated; confirm delivery date',
          lastAgent: 'dana',
          lastAgentLeftAt: new Date(clock.ms).toISOString(),
          notes: [{ agentId: 'dana', text: 'Address updated; confirm delivery date', at: new Date(clock.ms).toISOString() }],
        });
        for (const gone of ['assignedAgent', 'leaseExpiresAt', 'waitingSince', 'enqueuedSeq', 'requeuedAt'] as const) expect(record[gone]).toBeUndefined();
        expect(await store.recentHandleTimes()).toEqual([125_000]);
        await expect(store.release(c, 'dana', { fencingToken, disposition: 'resolved' })).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });

      it('is refused to anyone but the owner, with 403 and no change', async () => {
        const c = id();
        await store.enqueue(input(c));
        const { fencingToken } = await store.claim(c, 'dana', lease);
        await expect(store.release(c, 'lee', { fencingToken, disposition: 'resolved' })).rejects.toMatchObject({ code: 'HANDOFF_NOT_OWNER' });
        expect((await store.getRecord(c))?.state).toBe('assigned');
        const { record } = await store.release(c, 'dana', { disposition: 'resolved' });
        expect(record.lastReleaseNote).toBeUndefined();
        expect(record.notes).toEqual([]);
      });

      it('keeps only the most recent handle times, newest first', async () => {
        for (const minutes of [1, 2, 3, 4]) {
          const c = id();
          await store.enqueue(input(c));
          await store.claim(c, 'dana', lease);
          clock.advance(minutes * 60_000);
          await store.release(c, 'dana', { disposition: 'resolved' });
        }
        expect(await store.recentHandleTimes()).toEqual([240_000, 180_000, 120_000]);
      });

      it('starts a fresh wait when the conversation comes back, keeping notes and counts', async () => {
        const c = id();
        await store.enqueue(input(c));
        await store.claim(c, 'dana', lease);
        await store.release(c, 'dana', { disposition: 'return_to_bot', note: 'first visit' });
        clock.advance(3_600_000);
        const { record, created } = await store.enqueue(input(c, { reasonCodes: ['frustration'], priority: 'high' }));
        expect(created).toBe(true);
        expect(record).toMatchObject({
          state: 'queued',
          reasonCodes: ['frustration'],
          waitingSince: new Date(clock.ms).toISOString(),
          handledTimes: 1,
          fencingToken: 1,
          notes: [{ text: 'first visit' }],
        });
        expect((await store.claim(c, 'lee', lease)).fencingToken).toBe(2);
      });
    });

    describe('cancel', () => {
      it('takes a waiting conversation out of the queue', async () => {
        const [a, b] = [id(), id()];
        await store.enqueue(input(a));
        await store.enqueue(input(b));
        const { record, previousState } = await store.cancel(a);
        expect(previousState).toBe('queued');
        expect(record.lastAgent).toBeUndefined();
        expect(record.state).toBe('bot');
        expect(await queueIds()).toEqual([b]);
        expect(await store.position(b)).toBe(1);
      });

      it('ends an assignment and says who had it', async () => {
        const c = id();
        await store.enqueue(input(c));
        await store.claim(c, 'dana', lease);
        const result = await store.cancel(c);
        expect(result).toMatchObject({ previousState: 'assigned', previousAgent: 'dana' });
        expect(result.record).toMatchObject({ lastAgent: 'dana', lastAgentLeftAt: new Date(clock.ms).toISOString() });
        expect(await store.expireLeases(clock.ms + 10 * lease)).toEqual([]);
      });

      it('cancels only from the expected state when asked, so a claim in between keeps the chat', async () => {
        const c = id();
        await store.enqueue(input(c));
        await store.claim(c, 'dana', lease);
        await expect(store.cancel(c, { expectState: 'queued' })).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
        expect(await store.getRecord(c)).toMatchObject({ state: 'assigned', assignedAgent: 'dana' });
        const q = id();
        await store.enqueue(input(q));
        expect((await store.cancel(q, { expectState: 'queued' })).previousState).toBe('queued');
      });

      it('refuses to cancel what is not waiting or assigned', async () => {
        const c = id();
        await expect(store.cancel(c)).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
        await store.enqueue(input(c));
        await store.cancel(c);
        await expect(store.cancel(c)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });
    });

    describe('callback', () => {
      const phone = { kind: 'phone', value: '+15550107788' } as const;

      it('turns a queued conversation into an open ticket and lists it', async () => {
        const [a, b] = [id(), id()];
        await store.enqueue(input(a, { priority: 'high' }));
        await store.enqueue(input(b));
        clock.advance(900_000);
        const { record, ticket } = await store.toCallback({ conversationId: a, channelId: 'webchat', contact: phone, reason: 'timeout' });
        expect(ticket).toMatchObject({
          conversationId: a,
          channelId: 'webchat',
          contact: phone,
          reason: 'timeout',
          priority: 'high',
          summary: 'Wants to change a delivery address',
          createdAt: new Date(clock.ms).toISOString(),
          status: 'open',
        });
        expect(ticket.ticketId).toMatch(/^[0-9a-f-]{36}$/);
        expect(record).toMatchObject({ state: 'callback', contact: phone, callback: ticket, reasonCodes: ['user_requested', 'timeout'] });
        expect(record.waitingSince).toBeUndefined();
        expect(await queueIds()).toEqual([b]);
        expect(await store.listCallbacks()).toEqual([ticket]);
      });

      it('creates the record when the bot routes straight to a callback, and updates the contact on a repeat', async () => {
        const c = id();
        const first = await store.toCallback({ conversationId: c, channelId: 'msteams', contact: null, reason: 'after_hours', priority: 'high', summary: 'Billing dispute' });
        expect(first.ticket).toMatchObject({ contact: null, priority: 'high', summary: 'Billing dispute', channelId: 'msteams' });
        clock.advance(1000);
        const email = { kind: 'email', value: 'pat@example.com' } as const;
        const second = await store.toCallback({ conversationId: c, channelId: 'msteams', contact: email, reason: 'after_hours' });
        expect(second.ticket).toEqual({ ...first.ticket, contact: email });
        expect(await store.listCallbacks({ status: 'open' })).toEqual([second.ticket]);
      });

      it('uses the contact captured at enqueue, refuses an assigned conversation, and completes tickets', async () => {
        const [a, b] = [id(), id()];
        await store.enqueue(input(a, { contact: phone }));
        await store.enqueue(input(b));
        await store.claim(b, 'dana', lease);
        await expect(store.toCallback({ conversationId: b, channelId: 'webchat', contact: phone, reason: 'timeout' })).rejects.toMatchObject({
          code: 'HANDOFF_CONFLICT',
        });
        const { ticket } = await store.toCallback({ conversationId: a, channelId: 'webchat', contact: null, reason: 'no_agent' });
        expect(ticket.contact).toEqual(phone);
        const done = await store.completeCallback(ticket.ticketId);
        expect(done).toEqual({ ...ticket, status: 'done' });
        expect((await store.getRecord(a))?.state).toBe('bot');
        expect(await store.listCallbacks({ status: 'open' })).toEqual([]);
        expect(await store.listCallbacks({ status: 'done' })).toEqual([done]);
        await expect(store.completeCallback('no-such-ticket')).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
      });

      it('moves only from the expected state when asked, so two sweepers act once', async () => {
        const c = id();
        await store.enqueue(input(c));
        const once = { conversationId: c, channelId: 'webchat', contact: null, reason: 'timeout', expectState: 'queued' } as const;
        const results = await Promise.allSettled([store.toCallback(once), h.second.toCallback(once)]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(await store.listCallbacks()).toHaveLength(1);
        await expect(store.toCallback({ ...once, conversationId: id() })).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });

      it('forgets a ticket, and the contact it keeps, 30 days after it was filed', async () => {
        const c = id();
        await store.toCallback({ conversationId: c, channelId: 'webchat', contact: phone, reason: 'after_hours' });
        clock.advance(30 * 24 * 3600 * 1000 - 1);
        expect(await store.listCallbacks()).toHaveLength(1);
        clock.advance(1);
        expect(await h.second.listCallbacks()).toEqual([]);
        expect(await store.listCallbacks()).toEqual([]);
      });

      it('lets a conversation waiting for a callback queue again', async () => {
        const c = id();
        await store.toCallback({ conversationId: c, channelId: 'webchat', contact: phone, reason: 'after_hours' });
        const { record, created } = await store.enqueue(input(c));
        expect(created).toBe(true);
        expect(record.state).toBe('queued');
        expect(await store.listCallbacks({ status: 'open' })).toHaveLength(1);
      });
    });

    describe('external hub', () => {
      it('assigns to the hub without a lease, and only the hub can release it', async () => {
        const c = id();
        await store.enqueue(input(c));
        const { record, fencingToken } = await store.markAssignedExternally(c, 'hub:genesys');
        expect(fencingToken).toBe(1);
        expect(record).toMatchObject({ state: 'assigned', assignedAgent: 'hub:genesys', external: true });
        expect(record.leaseExpiresAt).toBeUndefined();
        expect(await store.markAssignedExternally(c, 'hub:genesys')).toMatchObject({ fencingToken: 1, reclaimed: true });
        expect(await store.expireLeases(clock.ms + 365 * 24 * 3_600_000)).toEqual([]);
        await expect(store.claim(c, 'dana', lease)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
        await expect(store.renewLease(c, 'hub:genesys', 1, lease)).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
        clock.advance(60_000);
        expect((await store.release(c, 'hub:genesys', { disposition: 'resolved' })).record.state).toBe('bot');
        expect(await store.recentHandleTimes()).toEqual([]);
        await expect(store.markAssignedExternally(c, 'hub:genesys')).rejects.toMatchObject({ code: 'HANDOFF_CONFLICT' });
      });
    });

    describe('notes, CSAT and announcements', () => {
      it('keeps notes in order on any state', async () => {
        const c = id();
        await expect(store.addNote(c, 'dana', 'hello')).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
        await store.enqueue(input(c));
        const first = await store.addNote(c, 'lee', 'VIP customer');
        clock.advance(1000);
        await store.addNote(c, 'dana', 'Asked twice about refunds');
        expect((await store.getRecord(c))?.notes).toEqual([first, { agentId: 'dana', text: 'Asked twice about refunds', at: new Date(clock.ms).toISOString() }]);
      });

      it('keeps at most 200 notes', async () => {
        const c = id();
        await store.enqueue(input(c));
        for (let i = 0; i < 205; i += 1) await store.addNote(c, 'dana', `note ${i}`);
        const notes = (await store.getRecord(c))?.notes ?? [];
        expect(notes).toHaveLength(200);
        expect(notes[0]?.text).toBe('note 5');
      });

      it('records a CSAT score of 1 to 5 and refuses anything else', async () => {
        const c = id();
        await store.enqueue(input(c));
        await store.claim(c, 'dana', lease);
        await store.release(c, 'dana', { disposition: 'resolved' });
        expect((await store.recordCsat(c, 4)).csat).toBe(4);
        for (const bad of [0, 6, 2.5, Number.NaN]) {
          await expect(store.recordCsat(c, bad)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
        }
        expect((await store.getRecord(c))?.csat).toBe(4);
        await expect(store.recordCsat('ghost', 5)).rejects.toMatchObject({ code: 'HANDOFF_NOT_FOUND' });
      });

      it('records an announcement only when nobody announced since', async () => {
        const c = id();
        await store.enqueue(input(c));
        const first = { position: 3, etaSeconds: 600, at: new Date(clock.ms).toISOString() };
        expect(await store.markAnnounced(c, null, first)).toBe(true);
        const next = { position: 1, etaSeconds: 120, at: new Date(clock.advance(60_000)).toISOString() };
        expect(await h.second.markAnnounced(c, null, next)).toBe(false);
        expect(await h.second.markAnnounced(c, first.at, next)).toBe(true);
        expect((await store.getRecord(c))?.announced).toEqual(next);
        await store.claim(c, 'dana', lease);
        expect(await store.markAnnounced(c, next.at, first)).toBe(false);
      });
    });
  });
}
