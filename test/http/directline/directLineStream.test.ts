import type { ConversationReference } from 'botbuilder';
import { WebSocket } from 'ws';
import { directLineServiceUrl } from '../../../src/http/directline/directLineConnector';
import { DirectLineTokens } from '../../../src/http/directline/directLineTokens';
import { MemoryDirectLineSignal } from '../../../src/storage/directline/directLineSignal';
import { MemoryDirectLineStore } from '../../../src/storage/directline/memoryDirectLineStore';
import { call, startDirectLineServer, testSecret, type DirectLineTestServer } from './directLineHarness';

interface Frame {
  activities: { id: string; type: string; text?: string; from: { role: string } }[];
  watermark: string;
}

/** A client of the stream that keeps every frame (empty keep-alive frames apart) and waits for what it needs. */
class StreamClient {
  readonly frames: Frame[] = [];
  emptyFrames = 0;
  closed: { code: number; reason: string } | undefined;
  private wake: () => void = () => undefined;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data);
      if (text === '') this.emptyFrames += 1;
      else this.frames.push(JSON.parse(text) as Frame);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  get texts(): string[] {
    return this.frames.flatMap((frame) => frame.activities.map((activity) => activity.text ?? `<${activity.type}>`));
  }

  async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (this.closed && !done()) throw new Error(`stream closed ${this.closed.code} ${this.closed.reason} before the wait was over`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** Opens `url`; resolves with the client once open, or with the HTTP status the upgrade was refused with. */
function connect(url: string, options: { autoPong?: boolean } = {}): Promise<StreamClient | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    const client = new StreamClient(socket);
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

async function open(url: string, options: { autoPong?: boolean } = {}): Promise<StreamClient> {
  const client = await connect(url, options);
  if (typeof client === 'number') throw new Error(`stream refused with ${client}`);
  return client;
}

describe('Direct Line WebSocket stream', () => {
  let app: DirectLineTestServer;
  const dl = (path: string) => `${app.url}/v3/directline${path}`;
  const clients: StreamClient[] = [];
  const tracked = (client: StreamClient) => (clients.push(client), client);

  beforeAll(async () => {
    app = await startDirectLineServer();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.socket.terminate();
  });
  afterAll(async () => {
    await app.close();
  });

  async function start(server = app): Promise<{ conversationId: string; token: string; streamUrl: string }> {
    const session = server.directLine.newChatSession();
    const started = await call(`${server.url}/v3/directline/conversations`, { method: 'POST', auth: session.token });
    expect(started.status).toBe(201);
    return { conversationId: session.conversationId, token: started.json.token as string, streamUrl: started.json.streamUrl as string };
  }

  it('gives a streamUrl for this server and conversation, and pushes the welcome, the echo and the reply as they are stored', async () => {
    const { conversationId, token, streamUrl } = await start();
    expect(streamUrl.startsWith(`ws://127.0.0.1:${new URL(app.url).port}/v3/directline/conversations/${conversationId}/stream?t=`)).toBe(true);
    const stream = tracked(await open(streamUrl));
    await stream.until(() => stream.texts.length >= 1);
    expect(stream.frames[0]).toEqual({ activities: [expect.objectContaining({ text: 'Welcome! Ask me anything.', from: expect.objectContaining({ role: 'bot' }) })], watermark: '1' });

    const posted = await call(dl(`/conversations/${conversationId}/activities`), { auth: token, body: { type: 'message', text: 'hello there' } });
    expect(posted.status).toBe(200);
    await stream.until(() => stream.texts.length >= 3);
    expect(stream.texts).toEqual(['Welcome! Ask me anything.', 'hello there', 'Echo: hello there']);
    expect(stream.frames.at(-1)?.watermark).toBe('3');
    expect(stream.frames.flatMap((frame) => frame.activities.map((activity) => activity.id))).toEqual([1, 2, 3].map((n) => `${conversationId}|000000${n}`));
  });

  it('pushes proactive replies (an agent writing) too', async () => {
    const { conversationId, streamUrl } = await start();
    const stream = tracked(await open(streamUrl));
    await stream.until(() => stream.texts.length >= 1);
    const reference: Partial<ConversationReference> = {
      channelId: 'webchat',
      serviceUrl: directLineServiceUrl,
      conversation: { id: conversationId } as ConversationReference['conversation'],
      bot: { id: 'tandem', name: 'Tandem' },
    };
    await app.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Dana here, I have your order open.');
    });
    await stream.until(() => stream.texts.length >= 2);
    expect(stream.texts[1]).toBe('Dana here, I have your order open.');
  });

  it('resumes after a reconnect from the watermark it was given, without repeating what the page has', async () => {
    const { conversationId, token } = await start();
    await call(dl(`/conversations/${conversationId}/activities`), { auth: token, body: { type: 'message', text: 'first' } });
    const again = await call(dl(`/conversations/${conversationId}?watermark=2`), { auth: token });
    expect(again.status).toBe(200);
    expect(again.json.streamUrl).toMatch(/[?&]watermark=2(&|$)/);
    const stream = tracked(await open(again.json.streamUrl as string));
    await stream.until(() => stream.texts.length >= 1);
    expect(stream.frames[0]).toEqual({ activities: [expect.objectContaining({ text: 'Echo: first' })], watermark: '3' });
    expect((await call(dl(`/conversations/${conversationId}?watermark=abc`), { auth: token })).status).toBe(400);
  });

  it('refuses, before the upgrade completes, a missing, forged, expired or foreign token, a bad path or watermark, and an unknown conversation', async () => {
    const a = await start();
    const b = await start();
    const base = `ws://127.0.0.1:${new URL(app.url).port}/v3/directline/conversations`;
    const expired = new DirectLineTokens({ secret: testSecret, ttlSeconds: 900, now: () => Date.now() - 2 * 3600_000 }).issue(a.conversationId, 'u').token;
    const forged = new DirectLineTokens({ secret: `${testSecret}-not-ours`, ttlSeconds: 900 }).issue(a.conversationId, 'u').token;
    const neverStarted = app.directLine.newChatSession();
    const cases: [string, number][] = [
      [`${base}/${a.conversationId}/stream`, 401],
      [`${base}/${a.conversationId}/stream?t=${forged}`, 403],
      [`${base}/${a.conversationId}/stream?t=${expired}`, 403],
      [`${base}/${a.conversationId}/stream?t=${b.token}`, 403],
      [`${base}/${a.conversationId}/stream?t=${testSecret}`, 403],
      [`${base}/${a.conversationId}/stream?t=${a.token}&watermark=-1`, 400],
      [`${base}/${a.conversationId}/elsewhere?t=${a.token}`, 404],
      [`${base}/${encodeURIComponent('../../..')}/stream?t=${a.token}`, 404],
      [`${base}/%E0%A4%A/stream?t=${a.token}`, 404],
      [`ws://127.0.0.1:${new URL(app.url).port}/api/messages`, 404],
      [`${base}/${neverStarted.conversationId}/stream?t=${neverStarted.token}`, 404],
    ];
    for (const [url, status] of cases) expect([url, await connect(url)]).toEqual([url, status]);
    // The server is still there, and the rightful stream still opens.
    tracked(await open(a.streamUrl));
  });

  it('caps the streams of one conversation', async () => {
    const capped = await startDirectLineServer({ streamOptions: { maxSocketsPerConversation: 2 } });
    try {
      const { streamUrl } = await start(capped);
      tracked(await open(streamUrl));
      tracked(await open(streamUrl));
      expect(await connect(streamUrl)).toBe(429);
    } finally {
      await capped.close();
    }
  });

  it("takes the page's empty keep-alive frames, closes a socket that sends anything else or a frame over the limit, and keeps serving others", async () => {
    const { conversationId, token, streamUrl } = await start();
    const keepAlive = tracked(await open(streamUrl));
    keepAlive.socket.send('');
    await call(dl(`/conversations/${conversationId}/activities`), { auth: token, body: { type: 'message', text: 'still here' } });
    await keepAlive.until(() => keepAlive.texts.includes('Echo: still here'));
    const chatty = tracked(await open(streamUrl));
    chatty.socket.send('{"type":"message","text":"not here"}');
    await chatty.until(() => chatty.closed !== undefined);
    expect(chatty.closed?.code).toBe(1008);
    const huge = tracked(await open(streamUrl));
    huge.socket.send(Buffer.alloc(64 * 1024, 0x41));
    await huge.until(() => huge.closed !== undefined);
    expect(huge.closed?.code).toBe(1009);
    const quiet = tracked(await open(streamUrl));
    await quiet.until(() => quiet.texts.length >= 1);
  });

  it('sends empty keep-alive frames, drops a peer that stops answering pings, and closes when the conversation is gone', async () => {
    let now = Date.now();
    const store = new MemoryDirectLineStore({ historyMax: 50, ttlSeconds: 3600, now: () => now });
    const ticking = await startDirectLineServer({ store, streamOptions: { keepAliveMs: 40 } });
    try {
      const first = await start(ticking);
      const alive = tracked(await open(first.streamUrl));
      await alive.until(() => alive.emptyFrames >= 2);
      expect(alive.closed).toBeUndefined();
      const deaf = tracked(await open(first.streamUrl, { autoPong: false }));
      await deaf.until(() => deaf.closed !== undefined);
      expect(deaf.closed?.code).toBe(1006);
      now += 3601_000;
      await alive.until(() => alive.closed !== undefined);
      expect(alive.closed).toEqual({ code: 1000, reason: 'conversation ended' });
    } finally {
      await ticking.close();
    }
  });

  it('reaches a stream held by another process through the shared store and signal', async () => {
    const store = new MemoryDirectLineStore({ historyMax: 50, ttlSeconds: 3600 });
    const signal = new MemoryDirectLineSignal();
    const [one, two] = [await startDirectLineServer({ store, signal }), await startDirectLineServer({ store, signal })];
    try {
      const { conversationId, token } = await start(one);
      const onTwo = await call(`${two.url}/v3/directline/conversations/${conversationId}`, { auth: token });
      const stream = tracked(await open(onTwo.json.streamUrl as string));
      await stream.until(() => stream.texts.length >= 1);
      await call(`${one.url}/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: 'via one' } });
      await stream.until(() => stream.texts.length >= 3);
      expect(stream.texts).toEqual(['Welcome! Ask me anything.', 'via one', 'Echo: via one']);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
