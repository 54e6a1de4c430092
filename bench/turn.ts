/**
 * `npm run bench:turn [-- --conversations 100 --turns 20 --redis redis://127.0.0.1:6379]`
 * Tandem and a bare botbuilder echo bot on the same restify stack, in the same run, in memory mode
 * and in Redis mode: turns/s and p50/p99 through POST /api/messages (expectReplies).
 */
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import type { Server } from 'restify';
import { buildApp } from '../src/buildApp';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/observability/logger';
import { createEchoServer } from './lib/echoServer';
import { runLoad, type LoadResult } from './lib/load';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const conversations = Number(arg('conversations', '100'));
const turns = Number(arg('turns', '20'));
const redisUrl = arg('redis', 'redis://127.0.0.1:6379');
const skipRedis = process.argv.includes('--no-redis');

const messages = [
  'hi there',
  'where is my order',
  'what are your opening hours',
  'thanks!',
  'I want to book an appointment',
  'asdf qwerty zxcv',
  'can I return something I bought',
  'cancel',
];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function measure(label: string, server: Server): Promise<LoadResult> {
  const port = await listen(server);
  await runLoad(port, { conversations: 10, turnsPerConversation: 5, messages, label: `${label}-warm` });
  const result = await runLoad(port, { conversations, turnsPerConversation: turns, messages, label });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return result;
}

async function main(): Promise<void> {
  const modes: { mode: string; env: NodeJS.ProcessEnv }[] = [{ mode: 'memory', env: {} }];
  if (!skipRedis) modes.push({ mode: 'redis', env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench${Date.now() % 100000}` } });
  const rows: Record<string, unknown>[] = [];
  for (const { mode, env } of modes) {
    const app = buildApp(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { logger: silentLogger });
    const tandem = await measure(`tandem-${mode}`, app.server);
    await app.close();
    const echo = await measure(`echo-${mode}`, createEchoServer());
    for (const [bot, r] of [['tandem', tandem], ['echo', echo]] as const) {
      rows.push({ mode, bot, turns: r.turns, errors: r.errors, turnsPerSec: +r.turnsPerSecond.toFixed(0), p50Ms: +r.p50Ms.toFixed(2), p99Ms: +r.p99Ms.toFixed(2) });
    }
    rows.push({ mode, bot: 'tandem/echo', turnsPerSec: +(tandem.turnsPerSecond / echo.turnsPerSecond).toFixed(2) });
  }
  console.log(`bench:turn — ${conversations} concurrent conversations × ${turns} turns, ${cpus().length} cores, node ${process.version}`);
  console.table(rows);
  console.log(JSON.stringify({ conversations, turns, rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
