import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';
import { buildApp, type App } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/http/createServer';
import { InflightTracker } from '../../src/http/inflight';
import { noRateLimits } from '../../src/http/rateLimit/rateLimits';
import { restifyLogger } from '../../src/http/restifyLogger';
import { createMetrics } from '../../src/observability/metrics';
import { captureLogs } from '../storage/logCapture';
import { message } from '../support/startApp';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends exactly these bytes and headers (fetch refuses a body on GET and rewrites some headers). */
function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer and close before the whole body is sent (413): that is not a failure here.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(body);
  });
}

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** JSON.stringify cannot build 5,000 levels reliably everywhere, so the text is written directly. */
function deepJsonText(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('hostile request bodies on every route', () => {
  let app: App;
  let baseUrl: string;
  let logs: ReturnType<typeof captureLogs>;
  let chatToken: string;
  let chatConversation: string;
  const agentAuth = { authorization: 'Bearer dev-agent-token' };

  beforeAll(async () => {
    logs = captureLogs();
    app = buildApp(loadConfig({ LOG_LEVEL: 'info' }), { logger: logs.logger });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const session = (await (await fetch(`${baseUrl}/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const started = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
    expect(started.status).toBe(201);
    chatToken = session.token;
    chatConversation = session.conversationId;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    await app.close();
  });

  const routes = (): Array<[string, string, Record<string, string>]> => [
    ['GET', '/healthz', {}],
    ['GET', '/readyz', {}],
    ['GET', '/', {}],
    ['POST', '/api/messages', {}],
    ['POST', '/chat/token', {}],
    ['POST', '/v3/directline/conversations', {}],
    ['POST', `/v3/directline/conversations/${chatConversation}/activities`, { authorization: `Bearer ${chatToken}` }],
    ['POST', '/v3/directline/tokens/refresh', { authorization: `Bearer ${chatToken}` }],
    ['POST', `/api/agent/conversations/c-${randomUUID()}/notes`, agentAuth],
    ['POST', '/api/agent/heartbeat', agentAuth],
    ['GET', '/api/agent/queue', agentAuth],
    ['POST', '/no/such/route', {}],
  ];

  it('refuses a web chat conversation on /api/messages whatever channel and serviceUrl the activity claims', async () => {
    for (const channelId of ['test', 'emulator', 'directline']) {
      const forged = message(chatConversation, 'I want to talk to a human', { channelId, serviceUrl: 'http://attacker.example' });
      const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
      expect(response.status).toBe(403);
    }
    expect(await app.handoffPorts.store.getRecord(chatConversation)).toBeUndefined();
  });

  it('answers a corrupt gzip body with 400 on every route, and the process keeps serving', async () => {
    const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('not gzip at all, just text pretending')]);
    for (const [method, path, headers] of routes()) {
      const response = await send(baseUrl, method, path, { ...headers, 'content-type': 'application/json', 'content-encoding': 'gzip' }, corrupt);
      expect({ path, status: response.status }).toEqual({ path, status: path === '/no/such/route' ? 404 : 400 });
    }
    const plainText = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, Buffer.from('{"type":"message"}'));
    expect(plainText.status).toBe(400);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('refuses a gzip bomb (about 100 KB that inflates to 100 MB) with 413, by the inflated size', async () => {
    // 100 gzip members of 1 MB each: one stream to the server, cheap to build here.
    const member = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 100 }, () => member));
    expect(bomb.length).toBeLessThan(app.config.MAX_BODY_BYTES);
    const response = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/inflated/) } });
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('accepts a valid gzip or deflate JSON body and answers the turn', async () => {
    for (const [encoding, compress] of [['gzip', gzipSync], ['deflate', deflateSync]] as const) {
      const body = compress(Buffer.from(JSON.stringify(message(`c-${randomUUID()}`, 'what are your opening hours?'))));
      const response = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': encoding }, body);
      expect(response.status).toBe(200);
      const replies = (JSON.parse(response.text) as { activities: Array<{ text?: string }> }).activities;
      expect(replies.map((r) => r.text ?? '').join(' ')).toMatch(/hour|open/i);
    }
  });

  it.each([['br'], ['compress'], ['gzip, gzip'], ['zstd']])('refuses Content-Encoding %s with 415 and says what is accepted', async (encoding) => {
    const response = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'application/json', 'content-encoding': encoding }, Buffer.from('{}'));
    expect(response.status).toBe(415);
    expect(response.headers['accept-encoding']).toBe('gzip, deflate');
    expect(JSON.parse(response.text).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body that is not JSON with 415 and invalid UTF-8 with 400', async () => {
    const text = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'text/plain' }, Buffer.from('hello'));
    expect(text.status).toBe(415);
    const latin1 = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'application/json' }, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(latin1.status).toBe(400);
    expect(JSON.parse(latin1.text).error.message).toMatch(/UTF-8/);
  });

  describe('deep JSON', () => {
    const secretText = `my ssn is 078-05-1120 ${randomUUID()}`;
    const bearer = `Bearer leak-${randomUUID()}`;

    it.each([['conversation'], ['from'], ['value'], ['channelData']])('refuses 5,000 levels in %s of /api/messages with 400 and a reason', async (field) => {
      const activity = { ...message(`c-${randomUUID()}`, secretText), [field]: '__DEEP__' };
      const body = JSON.stringify(activity).replace('"__DEEP__"', deepJsonText(5000));
      const response = await send(baseUrl, 'POST', '/api/messages', { 'content-type': 'application/json', authorization: bearer }, Buffer.from(body));
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text).error).toEqual({ code: 'BAD_JSON', message: expect.stringMatching(/deeper than 64 levels/) });
    });

    it('refuses deep JSON on the Direct Line and agent routes too, and changes nothing', async () => {
      const deepBody = Buffer.from(JSON.stringify({ type: 'message', text: secretText, value: '__DEEP__' }).replace('"__DEEP__"', deepJsonText(5000)));
      const before = await fetch(`${baseUrl}/v3/directline/conversations/${chatConversation}/activities`, { headers: { authorization: `Bearer ${chatToken}` } });
      const historyBefore = ((await before.json()) as { activities: unknown[] }).activities.length;
      for (const [method, path, headers] of routes().filter(([, path]) => path !== '/no/such/route')) {
        const response = await send(baseUrl, method, path, { ...headers, 'content-type': 'application/json' }, deepBody);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
      }
      const after = await fetch(`${baseUrl}/v3/directline/conversations/${chatConversation}/activities`, { headers: { authorization: `Bearer ${chatToken}` } });
      expect(((await after.json()) as { activities: unknown[] }).activities).toHaveLength(historyBefore);
    });

    it('accepts the nesting real activities use', async () => {
      const activity = message(`c-${randomUUID()}`, 'hi', { channelData: deep(20) });
      const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(response.status).toBe(200);
    });

    it('never logs the text or the Authorization header of a hostile request', () => {
      expect(logs.raw()).not.toContain('078-05-1120');
      expect(logs.raw()).not.toContain(bearer.slice('Bearer '.length));
    });
  });
});

describe("restify's own logging", () => {
  it('logs a response that cannot be serialized without the request body or headers, and answers 500 with a reason code', async () => {
    const logs = captureLogs();
    const server = createServer({
      adapter: {} as never,
      bot: { run: async () => undefined },
      logger: logs.logger,
      metrics: createMetrics(),
      inflight: new InflightTracker(),
      maxBodyBytes: 64 * 1024,
      maxJsonDepth: 64,
      idleSocketTimeoutMs: 600_000,
      channelTrust: { hubAppIds: [], channelOf: async () => undefined },
    limits: noRateLimits,
      ready: async () => undefined,
      routes: [
        (s) =>
          s.post('/echo-unserializable', async (req: Request, res: Response) => {
            const body = { echoed: req.body as unknown, big: BigInt(1) };
            res.json(body);
          }),
      ],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const secret = `token-${randomUUID()}`;
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/echo-unserializable`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ text: 'my card is 4111 1111 1111 1111' }),
      });
      expect(response.status).toBe(500);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INTERNAL');
      expect(logs.raw()).not.toContain(secret);
      expect(logs.raw()).not.toContain('4111');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps only the method, path and error name of what restify logs', () => {
    const logs = captureLogs();
    const log = restifyLogger(logs.logger);
    log.warn(
      {
        req: { method: 'POST', url: '/api/messages?code=secret-query', headers: { authorization: 'Bearer abc' }, body: { text: 'my ssn 078-05-1120' } },
        err: Object.assign(new SyntaxError('Unexpected token in "my ssn 078-05-1120"'), { statusCode: 400 }),
        value: { text: 'returned by a handler' },
      },
      'error in formatter',
    );
    const [line] = logs.lines();
    expect(line).toMatchObject({ req: { method: 'POST', path: '/api/messages' }, err: { name: 'SyntaxError', statusCode: 400 }, value: 'object' });
    expect(logs.raw()).not.toMatch(/secret-query|Bearer abc|078-05-1120|returned by/);
  });
});
