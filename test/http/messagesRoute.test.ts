import { randomUUID } from 'node:crypto';
import { hashAgentToken } from '../../src/handoff/agents';
import { message, post, say, startApp, type RunningApp } from '../support/startApp';

describe('POST /api/messages', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.stop());

  it('answers a message with the replies in the body (expectReplies)', async () => {
    const replies = await say(running.baseUrl, `c-${randomUUID()}`, 'what are your opening hours?');
    expect(replies.join('\n')).toMatch(/hour|open/i);
  });

  it('welcomes a new member on conversationUpdate', async () => {
    const conversationId = `c-${randomUUID()}`;
    const { status, json } = await post(running.baseUrl, {
      ...message(conversationId, ''),
      type: 'conversationUpdate',
      membersAdded: [{ id: `user-${conversationId}` }],
    });
    expect(status).toBe(200);
    expect(json.activities?.[0]?.text).toMatch(/Tandem/);
  });

  it('rejects malformed JSON with 400 and a reason', async () => {
    const { status, json } = await post(running.baseUrl, '{"type": "message",');
    expect(status).toBe(400);
    expect(json.error?.code).toBe('BAD_JSON');
  });

  it.each([
    ['a missing conversation', (m: Record<string, unknown>) => ({ ...m, conversation: undefined }), /conversation/],
    ['a mistyped text', (m: Record<string, unknown>) => ({ ...m, text: 42 }), /text/],
    ['an unknown activity type', (m: Record<string, unknown>) => ({ ...m, type: 'teleport' }), /type: must be one of/],
    ['a missing serviceUrl', (m: Record<string, unknown>) => ({ ...m, serviceUrl: undefined }), /serviceUrl/],
    ['an array body', () => [1, 2, 3], /JSON object/],
  ])('rejects %s with 400 naming the field', async (_name, mutate, reason) => {
    const { status, json } = await post(running.baseUrl, mutate(message('c-bad', 'hi')));
    expect(status).toBe(400);
    expect(json.error?.code).toBe('BAD_ACTIVITY');
    expect(json.error?.message).toMatch(reason);
  });

  // Found by the hostile-input fuzzer (npm run fuzz): each of these was accepted, then failed its turn
  // when the reply (which copies them) was sent to the channel.
  it.each([
    ['a serviceUrl that is not http(s)', { serviceUrl: 'file:///etc/passwd' }, /serviceUrl: must be an http\(s\) URL/],
    ['an ftp serviceUrl', { serviceUrl: 'ftp://127.0.0.1/' }, /serviceUrl/],
    ['a locale that is not a string', { locale: true }, /locale/],
    ['a conversation.isGroup that is not a boolean', { conversation: { id: 'c-typed', isGroup: 'yes' } }, /conversation\.isGroup/],
    ['a from.role that is not a string', { from: { id: 'u', role: 7 } }, /from\.role/],
    ['a conversation id with a control character', { conversation: { id: 'c-a\nb' } }, /conversation\.id/],
    ['a conversation id beyond Latin-1 (it travels in an HTTP header)', { conversation: { id: 'c-😀' } }, /conversation\.id/],
    ['a null entity', { entities: [null] }, /entities\.0/],
    ['an entity without a type', { entities: [{ name: 'x' }] }, /entities\.0\.type/],
    ['an attachment that is a string', { attachments: ['file.pdf'] }, /attachments\.0/],
  ])('refuses %s with 400 before the turn', async (_name, fields, reason) => {
    const { status, json } = await post(running.baseUrl, { ...message('c-typed', 'hi', { deliveryMode: 'normal' }), ...fields });
    expect(status).toBe(400);
    expect(json.error?.message).toMatch(reason);
  });

  it('refuses an invoke Tandem does not handle with 400, not the SDK\'s 501', async () => {
    const { status, json } = await post(running.baseUrl, { ...message(`c-${randomUUID()}`, ''), type: 'invoke', name: 'composeExtension/query' });
    expect(status).toBe(400);
    expect(json.error?.message).toMatch(/invoke "composeExtension\/query" is not supported/);
  });

  it('accepts conversation ids as channels send them (Teams, Latin-1)', async () => {
    for (const id of [`19:${randomUUID()}@thread.tacv2;messageid=1700000000000`, `a:1Xyz-${randomUUID()}`, `café-${randomUUID()}`]) {
      expect((await post(running.baseUrl, message(id, 'hi'))).status).toBe(200);
    }
  });

  it('answers CONNECT with 405 instead of dropping the connection', async () => {
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ port: running.port, host: '127.0.0.1' }, () => socket.write('CONNECT /healthz HTTP/1.1\r\nhost: x\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
  });

  it('refuses a 1 MB message with 413 and leaves no state behind', async () => {
    const conversationId = `c-${randomUUID()}`;
    const { status, json } = await post(running.baseUrl, message(conversationId, 'a'.repeat(1024 * 1024)));
    expect(status).toBe(413);
    expect(json.error?.code).toBe('PAYLOAD_TOO_LARGE');
    const transcript = await running.app.backend.transcripts.getTranscriptActivities('test', conversationId);
    expect(transcript.items).toHaveLength(0);
  });

  it.each([
    ['emoji only', '😡😡😡🙏'],
    ['right-to-left text', 'مرحبا، أين طلبي؟'],
    ['control characters', 'hel\u0000lo\u0007 \u001b[31mthere'],
    ['whitespace', '   \n\t  '],
  ])('answers %s gracefully', async (_name, text) => {
    const replies = await say(running.baseUrl, `c-${randomUUID()}`, text);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.join(' ')).not.toMatch(/error|exception|undefined/i);
  });

  it('processes a repeated activity id once', async () => {
    const activity = message(`c-${randomUUID()}`, 'hello');
    const first = await post(running.baseUrl, activity);
    const second = await post(running.baseUrl, activity);
    expect(first.json.activities?.length).toBeGreaterThan(0);
    expect(second.status).toBe(200);
    expect(second.json.activities ?? []).toHaveLength(0);
  });

  it('serializes two simultaneous turns of one conversation', async () => {
    const conversationId = `c-${randomUUID()}`;
    const [a, b] = await Promise.all([
      say(running.baseUrl, conversationId, 'I want to book an appointment'),
      say(running.baseUrl, conversationId, 'what are your opening hours'),
    ]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const stored = await running.app.backend.transcripts.getTranscriptActivities('test', conversationId);
    const inbound = stored.items.filter((x) => x.from?.role === 'user');
    expect(inbound).toHaveLength(2);
  });
});

describe('GET /healthz, /readyz, /metrics', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.stop());

  it('reports live and ready in memory mode', async () => {
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${running.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('exposes turns, the turn latency histogram and errors by code', async () => {
    await say(running.baseUrl, `c-${randomUUID()}`, 'hi');
    await post(running.baseUrl, '{oops');
    await post(running.baseUrl, { type: 'message' });
    const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
    expect(text).toMatch(/tandem_turns_total\{type="message",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/tandem_turn_duration_seconds_bucket/);
    expect(text).toMatch(/tandem_errors_total\{code="BAD_ACTIVITY"\} [1-9]/);
  });
});

describe('Bot Framework authentication', () => {
  it('requires a valid JWT once an app id is configured', async () => {
    const agents = JSON.stringify([{ id: 'a1', name: 'Dana', role: 'agent', tokenSha256: hashAgentToken('secret-token-for-tests') }]);
    const running = await startApp({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'x',
      AGENTS_JSON: agents,
    });
    try {
      const { status, json } = await post(running.baseUrl, message('c-auth', 'hi'));
      expect(status).toBe(401);
      expect(json.error?.code).toBe('UNAUTHORIZED');
      const forged = await post(running.baseUrl, message('c-auth', 'hi'), { authorization: 'Bearer not.a.jwt' });
      expect(forged.status).toBe(401);
    } finally {
      await running.stop();
    }
  });
});

describe('conversationUpdate amplification', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.stop());

  const update = (conversationId: string, members: number) => ({
    ...message(conversationId, ''),
    type: 'conversationUpdate',
    membersAdded: Array.from({ length: members }, (_, i) => ({ id: `member-${i}` })),
  });

  it('refuses 10,000 membersAdded with 400 and a reason, and sends nothing', async () => {
    const { status, json } = await post(running.baseUrl, update(`c-${randomUUID()}`, 10_000));
    expect(status).toBe(400);
    expect(json.error?.message).toMatch(/membersAdded: at most 50 members/);
  });

  it('welcomes a conversation once, however many members join and however often', async () => {
    const conversationId = `c-${randomUUID()}`;
    const first = await post(running.baseUrl, update(conversationId, 50));
    expect(first.status).toBe(200);
    expect(first.json.activities?.filter((a) => a.type === 'message')).toHaveLength(1);
    const again = await post(running.baseUrl, update(conversationId, 3));
    expect(again.json.activities ?? []).toHaveLength(0);
  });
});
