import type { ConversationReference, TurnContext } from 'botbuilder';
import { directLineServiceUrl } from '../../../src/http/directline/directLineConnector';
import { DirectLineTokens } from '../../../src/http/directline/directLineTokens';
import { call, startDirectLineServer, testSecret, type DirectLineTestServer } from './directLineHarness';

type Activity = Record<string, unknown> & { id: string; type: string; text?: string; from: { id: string; role: string; name?: string } };

describe('Direct Line subset over real HTTP', () => {
  let app: DirectLineTestServer;
  const dl = (path: string) => `${app.url}/v3/directline${path}`;

  beforeAll(async () => {
    app = await startDirectLineServer();
  });
  afterAll(async () => {
    await app.close();
  });

  async function startWithToken(): Promise<{ conversationId: string; token: string; userId: string }> {
    const session = app.directLine.newChatSession();
    const started = await call(dl('/conversations'), { method: 'POST', auth: session.token, body: { user: {} } });
    expect(started.status).toBe(201);
    return { conversationId: session.conversationId, token: started.json.token as string, userId: session.userId };
  }

  async function poll(conversationId: string, token: string, watermark = '') {
    const reply = await call(dl(`/conversations/${conversationId}/activities?watermark=${watermark}`), { auth: token });
    expect(reply.status).toBe(200);
    return reply.json as { activities: Activity[]; watermark: string };
  }

  it('starts a conversation with the secret, and the welcome message is waiting in the history', async () => {
    const started = await call(dl('/conversations'), { method: 'POST', auth: testSecret });
    expect(started.status).toBe(201);
    const { conversationId, token, expires_in } = started.json as { conversationId: string; token: string; expires_in: number };
    expect(conversationId).toMatch(/^[A-Za-z0-9_-]{10,64}$/);
    expect(expires_in).toBe(1800);
    const page = await poll(conversationId, token);
    expect(page.activities).toHaveLength(1);
    expect(page.activities[0]).toMatchObject({
      type: 'message',
      text: 'Welcome! Ask me anything.',
      from: { role: 'bot' },
      channelId: 'webchat',
      conversation: { id: conversationId },
      id: `${conversationId}|0000001`,
    });
    expect(page.activities[0]).not.toHaveProperty('serviceUrl');
    expect(page.watermark).toBe('1');
  });

  it('puts the user id in a JWT claim that Web Chat can read, and welcomes only once per conversation', async () => {
    const { conversationId, token, userId } = await startWithToken();
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ user: userId, conv: conversationId });
    const again = await call(dl('/conversations'), { method: 'POST', auth: token });
    expect(again.status).toBe(200);
    expect(again.json.conversationId).toBe(conversationId);
    const page = await poll(conversationId, token);
    expect(page.activities.filter((a) => a.text?.startsWith('Welcome'))).toHaveLength(1);
  });

  it('echoes the posted message (so Web Chat marks it sent), then the reply, and polls only what is new', async () => {
    const { conversationId, token, userId } = await startWithToken();
    const first = await poll(conversationId, token);
    const posted = await call(dl(`/conversations/${conversationId}/activities`), {
      auth: token,
      body: { type: 'message', text: 'hi <b>there</b>', from: { id: 'someone-else', role: 'bot' }, channelData: { clientActivityID: 'c-1', secret: 'x' } },
    });
    expect(posted.status).toBe(200);
    expect(posted.json.id).toBe(`${conversationId}|0000002`);

    const page = await poll(conversationId, token, first.watermark);
    expect(page.activities.map((a) => [a.from.role, a.text])).toEqual([
      ['user', 'hi <b>there</b>'],
      ['bot', 'Echo: hi <b>there</b>'],
    ]);
    const [echo, reply] = page.activities as [Activity, Activity];
    expect(echo.from.id).toBe(userId);
    expect(echo.channelData).toEqual({ clientActivityID: 'c-1' });
    expect(typeof echo.timestamp).toBe('string');
    expect(reply.replyToId).toBe(echo.id);
    expect(page.watermark).toBe('3');

    const nothingNew = await poll(conversationId, token, page.watermark);
    expect(nothingNew).toEqual({ activities: [], watermark: '3' });
  });

  it('delivers suggested actions (the CSAT buttons) intact', async () => {
    const { conversationId, token } = await startWithToken();
    await call(dl(`/conversations/${conversationId}/activities`), { auth: token, body: { type: 'message', text: 'rate us' } });
    const page = await poll(conversationId, token, '1');
    const question = page.activities.find((a) => a.text === 'How did we do?');
    expect(question?.suggestedActions).toMatchObject({ actions: [{ title: '1', value: '1' }, { title: '5', value: '5' }] });
  });

  it('keeps bot event activities (handoff.initiate and its transcript) away from the page', async () => {
    const { conversationId, token } = await startWithToken();
    await call(dl(`/conversations/${conversationId}/activities`), { auth: token, body: { type: 'message', text: 'event please' } });
    const page = await poll(conversationId, token, '1');
    expect(page.activities.map((a) => a.type)).toEqual(['message', 'message']);
    expect(page.activities.at(-1)?.text).toBe('event sent');
  });

  it('resumes a conversation by id with a fresh token', async () => {
    const { conversationId, token } = await startWithToken();
    const resumed = await call(dl(`/conversations/${conversationId}?watermark=1`), { auth: token });
    expect(resumed.status).toBe(200);
    expect(resumed.json.conversationId).toBe(conversationId);
    expect(typeof resumed.json.token).toBe('string');
  });

  describe('tokens', () => {
    it('generates a token with the secret and refreshes it for the same conversation and user', async () => {
      const generated = await call(dl('/tokens/generate'), { method: 'POST', auth: testSecret, body: { user: { id: 'dl_customer42' } } });
      expect(generated.status).toBe(200);
      const conversationId = generated.json.conversationId as string;
      const refreshed = await call(dl('/tokens/refresh'), { method: 'POST', auth: generated.json.token as string });
      expect(refreshed.status).toBe(200);
      expect(refreshed.json.conversationId).toBe(conversationId);
      const claims = JSON.parse(Buffer.from((refreshed.json.token as string).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ conv: conversationId, user: 'dl_customer42' });
      const started = await call(dl('/conversations'), { method: 'POST', auth: refreshed.json.token as string });
      expect(started.status).toBe(201);
      expect(started.json.conversationId).toBe(conversationId);
    });

    it('refuses to generate tokens for a token holder, and to refresh the secret', async () => {
      const { token } = await startWithToken();
      expect((await call(dl('/tokens/generate'), { method: 'POST', auth: token })).status).toBe(403);
      expect((await call(dl('/tokens/refresh'), { method: 'POST', auth: testSecret })).status).toBe(400);
    });

    it('answers 401 without credentials and 403 for expired, forged or foreign tokens, changing nothing', async () => {
      const { conversationId, token } = await startWithToken();
      const other = await startWithToken();
      const pastClock = new DirectLineTokens({ secret: testSecret, ttlSeconds: 1800, now: () => Date.now() - 3600_000 });
      const expired = pastClock.issue(conversationId, 'dl_x').token;
      const otherSecret = new DirectLineTokens({ secret: 'another-secret-of-at-least-32-characters!', ttlSeconds: 1800 }).issue(conversationId, 'dl_x').token;
      const [head, , signature] = token.split('.');
      const payload = Buffer.from(JSON.stringify({ iss: 'tandem-directline', conv: conversationId, user: 'dl_x', iat: 0, exp: 9999999999 })).toString('base64url');
      const tampered = `${head}.${payload}.${signature}`;

      const activities = `/conversations/${conversationId}/activities`;
      expect((await call(dl(activities))).status).toBe(401);
      for (const bad of [expired, otherSecret, tampered, 'not-a-token', other.token]) {
        const getReply = await call(dl(activities), { auth: bad });
        expect(getReply.status).toBe(403);
        expect(getReply.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
        expect((await call(dl(activities), { auth: bad, body: { type: 'message', text: 'sneaky' } })).status).toBe(403);
      }
      expect((await call(dl('/tokens/refresh'), { method: 'POST', auth: expired })).status).toBe(403);
      const expiredMessage = (await call(dl(activities), { auth: expired })).json as { error: { message: string } };
      expect(expiredMessage.error.message).toMatch(/expired/);
      const page = await poll(conversationId, token);
      expect(page.activities.map((a) => a.text)).toEqual(['Welcome! Ask me anything.']);
    });
  });

  describe('bad input', () => {
    it('answers 413 for an activity over DIRECTLINE_MAX_ACTIVITY_BYTES and for a body over MAX_BODY_BYTES', async () => {
      const { conversationId, token } = await startWithToken();
      const path = dl(`/conversations/${conversationId}/activities`);
      const big = await call(path, { auth: token, body: { type: 'message', text: 'x'.repeat(3000) } });
      expect(big.status).toBe(413);
      expect(big.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      expect((await call(path, { auth: token, body: { type: 'message', text: 'x'.repeat(10_000) } })).status).toBe(413);
      expect((await poll(conversationId, token)).activities).toHaveLength(1);
    });

    it('answers 400 with a reason for malformed activities, bad JSON and bad watermarks', async () => {
      const { conversationId, token } = await startWithToken();
      const path = dl(`/conversations/${conversationId}/activities`);
      const cases: [unknown, RegExp][] = [
        [{ type: 'conversationUpdate' }, /type/],
        [{ text: 'no type' }, /type/],
        [{ type: 'message', text: 42 }, /text/],
        [{ type: 'message', attachments: [{ contentType: 'image/png' }] }, /attachments/],
        [['an', 'array'], /JSON object/],
      ];
      for (const [body, reason] of cases) {
        const reply = await call(path, { auth: token, body });
        expect(reply.status).toBe(400);
        expect((reply.json as { error: { message: string } }).error.message).toMatch(reason);
      }
      expect((await call(path, { auth: token, rawBody: '{"type": "message", ' })).status).toBe(400);
      expect((await call(`${path}?watermark=abc`, { auth: token })).status).toBe(400);
      expect((await poll(conversationId, token)).activities).toHaveLength(1);
    });

    it('answers 404 for a conversation that was never started', async () => {
      const session = app.directLine.newChatSession();
      expect((await call(dl(`/conversations/${session.conversationId}/activities`), { auth: session.token })).status).toBe(404);
      const posted = await call(dl(`/conversations/${session.conversationId}/activities`), { auth: session.token, body: { type: 'message', text: 'hi' } });
      expect(posted.status).toBe(404);
    });

    it('needs from.id when a server posts with the secret', async () => {
      const { conversationId, token } = await startWithToken();
      const path = dl(`/conversations/${conversationId}/activities`);
      expect((await call(path, { auth: testSecret, body: { type: 'message', text: 'hi' } })).status).toBe(400);
      const ok = await call(path, { auth: testSecret, body: { type: 'message', text: 'from server', from: { id: 'dl_server' } } });
      expect(ok.status).toBe(200);
      const page = await poll(conversationId, token, '1');
      expect(page.activities[0]).toMatchObject({ text: 'from server', from: { id: 'dl_server', role: 'user' } });
    });
  });

  describe('bot replies, delivered in process', () => {
    const reference = (conversationId: string, channelId = 'webchat'): Partial<ConversationReference> => ({
      channelId,
      serviceUrl: directLineServiceUrl,
      conversation: { id: conversationId } as ConversationReference['conversation'],
      bot: { id: 'tandem', name: 'Tandem' },
      user: { id: 'someone', name: 'Someone' },
      activityId: 'synthetic-agent-123',
    });

    /** Runs `work` in a proactive turn and returns what it threw (the adapter's onTurnError would swallow it). */
    async function proactively(ref: Partial<ConversationReference>, work: (context: TurnContext) => Promise<unknown>): Promise<unknown> {
      let failure: unknown;
      await app.adapter.continueConversationAsync('', ref, async (context) => {
        try {
          await work(context);
        } catch (error) {
          failure = error;
        }
      });
      return failure;
    }

    it('stores a proactive reply to a synthetic id as the bot, and drops the dangling replyToId', async () => {
      const { conversationId, token } = await startWithToken();
      await app.adapter.continueConversationAsync('', reference(conversationId), async (context) => {
        await context.sendActivity({ type: 'message', text: 'Hi, Dana here', replyToId: 'synthetic-agent-123', channelData: { agent: { name: 'Dana' } } });
      });
      const page = await poll(conversationId, token, '1');
      expect(page.activities).toHaveLength(1);
      expect(page.activities[0]).toMatchObject({ text: 'Hi, Dana here', from: { role: 'bot', id: 'tandem' }, channelData: { agent: { name: 'Dana' } } });
      expect(page.activities[0]).not.toHaveProperty('replyToId');
      expect(page.activities[0]).not.toHaveProperty('serviceUrl');
    });

    it('updates a stored activity in place', async () => {
      const { conversationId, token } = await startWithToken();
      const id = `${conversationId}|0000001`;
      expect(await proactively(reference(conversationId), (context) => context.updateActivity({ id, type: 'message', text: 'Welcome (edited)' }))).toBeUndefined();
      const missing = await proactively(reference(conversationId), (context) =>
        context.updateActivity({ id: `${conversationId}|0000009`, type: 'message', text: 'nothing there' }),
      );
      expect(missing).toMatchObject({ code: 'NOT_FOUND' });
      expect((await poll(conversationId, token)).activities).toEqual([expect.objectContaining({ id, text: 'Welcome (edited)' })]);
    });

    it("refuses a conversation of another channel that names the web chat serviceUrl, storing nothing", async () => {
      const { conversationId, token } = await startWithToken();
      expect(await proactively(reference(conversationId, 'emulator'), (context) => context.sendActivity('forged bot message'))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await poll(conversationId, token)).activities).toHaveLength(1);
    });

    it('refuses an oversized bot activity and a conversation that does not exist, but lets a big hub event pass unstored', async () => {
      const { conversationId, token } = await startWithToken();
      expect(await proactively(reference(conversationId), (context) => context.sendActivity('y'.repeat(3000)))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      const transcript = { activities: Array.from({ length: 40 }, (_, i) => ({ type: 'message', text: `line ${i} ${'z'.repeat(80)}` })) };
      const handoff = { type: 'event', name: 'handoff.initiate', value: { reason: 'test' }, attachments: [{ contentType: 'application/json', name: 'Transcript', content: transcript }] };
      expect(await proactively(reference(conversationId), (context) => context.sendActivity(handoff))).toBeUndefined();
      expect(await proactively(reference('neverStarted123'), (context) => context.sendActivity('hello?'))).toMatchObject({ code: 'NOT_FOUND' });
      expect((await poll(conversationId, token)).activities).toHaveLength(1);
    });

    it('has no HTTP route through which anyone could post as the bot', async () => {
      const { conversationId, token } = await startWithToken();
      for (const path of [`/connector/anykey/v3/conversations/${conversationId}/activities`, `/v3/conversations/${conversationId}/activities`]) {
        const reply = await call(`${app.url}${path}`, { body: { type: 'message', text: 'forged bot message' } });
        expect(reply.status).toBe(404);
      }
      expect((await poll(conversationId, token)).activities).toHaveLength(1);
    });
  });
});
