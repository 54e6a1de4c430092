/**
 * Serves one bot for a benchmark in its own process, so the load generator doesn't share its event
 * loop: `node --import tsx bench/lib/serveBot.ts tandem|echo`. Prints `{"port": N}` once listening.
 * Each `memory` line on stdin prints `{"rss": bytes, "heapUsed": bytes}` measured after a full GC
 * (when started with --expose-gc).
 */
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { buildApp } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/observability/logger';
import { createEchoServer } from './echoServer';

const which = process.argv[2];
let server: Server;
let close = async () => undefined as void;
if (which === 'echo') {
  server = createEchoServer();
} else {
  // The bench passes REDIS_URL and a key prefix through the environment; everything else is default.
  const app = buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), { logger: silentLogger });
  server = app.server;
  close = () => app.close();
}
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss, heapUsed })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void close().finally(() => process.exit(0));
});
