import { connect } from 'node:net';
import { type RunningApp, startApp } from '../support/startApp';

/** Opens a request whose body is still arriving: the request is in flight until the rest is sent. */
async function halfSentAgentRequest(port: number, path: string) {
  const body = JSON.stringify({ text: 'a private note that is long enough' });
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer dev-agent-token\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
  );
  const response = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.once('close', () => resolve(text));
  });
  return { finish: () => socket.write(body.slice(5)), response };
}

describe('Agent API requests in flight at shutdown', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running.stop();
  });

  it('are counted until answered, so the SIGTERM drain waits for them', async () => {
    const request = await halfSentAgentRequest(running.port, '/api/agent/conversations/nobody/notes');
    for (let i = 0; i < 50 && running.app.inflight.size === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running.app.inflight.size).toBe(1);
    await expect(running.app.inflight.drain(50)).resolves.toBe(false);

    const drained = running.app.inflight.drain(10_000);
    request.finish();
    await expect(drained).resolves.toBe(true);
    expect(await request.response).toMatch(/^HTTP\/1\.1 \d{3}/);
    expect(running.app.inflight.size).toBe(0);
  });

  it('do not include the long-lived event stream', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${running.baseUrl}/api/agent/events`, {
      headers: { authorization: 'Bearer dev-agent-token' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(running.app.inflight.size).toBe(0);
    controller.abort();
  });
});
