import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createServer } from '../../src/http/createServer';
import { InflightTracker } from '../../src/http/inflight';
import { noRateLimits } from '../../src/http/rateLimit/rateLimits';
import { createMetrics } from '../../src/observability/metrics';
import { silentLogger } from '../../src/observability/logger';

/** Resolves with what the server sent once it closed the connection. */
function untilClosed(socket: net.Socket): Promise<string> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => socket.once('close', () => resolve(Buffer.concat(chunks).toString('latin1'))));
}

function openConnections(server: Server): Promise<number> {
  return new Promise((resolve, reject) => server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

describe('connections a client leaves hanging', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer({
      adapter: {} as never,
      bot: { run: async () => undefined },
      logger: silentLogger,
      metrics: createMetrics(),
      inflight: new InflightTracker(),
      maxBodyBytes: 64 * 1024,
      maxJsonDepth: 64,
      idleSocketTimeoutMs: 300,
      channelTrust: { hubAppIds: [], channelOf: async () => undefined },
      limits: noRateLimits,
      ready: async () => undefined,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('are closed by the server once idle, even in the middle of the request headers', async () => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write('POST /api/messages HTTP/1.1\r\nhost: x\r\ncontent-le');
    // The client never finishes and never closes: only the server's idle timeout can end this.
    await untilClosed(socket);
    expect(socket.destroyed).toBe(true);
  });

  it('a CONNECT gets 405 and the server closes its socket itself, while the client keeps its side open', async () => {
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    socket.on('error', () => undefined);
    const answer = new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))));
    socket.write('CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 405 /);
    // The client never ends its side; the server must still let go of the connection.
    for (let turn = 0; turn < 10_000 && (await openConnections(server)) > 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(await openConnections(server)).toBe(0);
    expect(socket.destroyed).toBe(false);
    socket.destroy();
  });
});
