/**
 * `npm run bench:soak [-- --turns 100000 --conversations 100 --turns-per-conversation 10 --samples 10 --no-redis | --no-memory]`
 * Tandem under steady closed-loop load for many turns, in memory mode and in Redis mode: the bot
 * process's RSS and heap (after a full GC) sampled as it goes, the growth from the first sample to the
 * last, and the bytes each conversation leaves behind (in the process, and in Redis in Redis mode).
 */
import { cpus } from 'node:os';
import Redis from 'ioredis';
import { startBotProcess, type MemorySample } from './lib/botProcess';
import { runLoad } from './lib/load';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const totalTurns = arg('turns', 100_000);
const conversations = arg('conversations', 100);
const turnsPerConversation = arg('turns-per-conversation', 10);
const samples = arg('samples', 10);
const redisUrl = 'redis://127.0.0.1:6379';
const messages = ['hi there', 'where is my order', 'TD-100003', 'what are your opening hours', 'I want to book an appointment', 'cancel', 'thanks!'];

const mb = (bytes: number) => +(bytes / 1_048_576).toFixed(1);

async function redisUsedMemory(redis: Redis | undefined): Promise<number> {
  if (!redis) return 0;
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function soak(mode: 'memory' | 'redis'): Promise<Record<string, unknown>> {
  const prefix = `soak${Date.now() % 100000}`;
  const redis = mode === 'redis' ? new Redis(redisUrl) : undefined;
  const bot = await startBotProcess('tandem', mode === 'redis' ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix } : {});
  try {
    const perRound = conversations * turnsPerConversation;
    const rounds = Math.max(samples, Math.round(totalTurns / perRound));
    const roundsPerSample = Math.max(1, Math.floor(rounds / samples));
    // One round of warm-up, then the first sample is the baseline.
    await runLoad(bot.port, { conversations, turnsPerConversation, messages, label: `soak-${mode}-warm` });
    const baseline: MemorySample = await bot.memory();
    const baselineRedis = await redisUsedMemory(redis);
    const trail: MemorySample[] = [baseline];
    let turns = 0;
    let errors = 0;
    const started = performance.now();
    for (let round = 1; round <= rounds; round += 1) {
      const result = await runLoad(bot.port, { conversations, turnsPerConversation, messages, label: `soak-${mode}-${round}` });
      turns += result.turns;
      errors += result.errors;
      if (round % roundsPerSample === 0) trail.push(await bot.memory());
    }
    const seconds = (performance.now() - started) / 1000;
    const last = trail[trail.length - 1] ?? baseline;
    const conversationsRun = rounds * conversations;
    const redisGrowth = (await redisUsedMemory(redis)) - baselineRedis;
    console.log(`${mode}: RSS MB ${trail.map((s) => mb(s.rss)).join(' → ')}; heap MB ${trail.map((s) => mb(s.heapUsed)).join(' → ')}`);
    return {
      mode,
      turns,
      errors,
      turnsPerSec: Math.round(turns / seconds),
      rssStartMb: mb(baseline.rss),
      rssEndMb: mb(last.rss),
      rssGrowthPct: +((100 * (last.rss - baseline.rss)) / baseline.rss).toFixed(1),
      heapStartMb: mb(baseline.heapUsed),
      heapEndMb: mb(last.heapUsed),
      heapGrowthPct: +((100 * (last.heapUsed - baseline.heapUsed)) / baseline.heapUsed).toFixed(1),
      conversations: conversationsRun,
      processBytesPerConversation: Math.round((last.heapUsed - baseline.heapUsed) / conversationsRun),
      ...(redis ? { redisBytesPerConversation: Math.round(redisGrowth / conversationsRun) } : {}),
    };
  } finally {
    await bot.stop();
    if (redis) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    }
  }
}

async function main(): Promise<void> {
  const modes = (['memory', 'redis'] as const).filter((mode) => !process.argv.includes(`--no-${mode}`));
  const rows: Record<string, unknown>[] = [];
  for (const mode of modes) rows.push(await soak(mode));
  console.log(`bench:soak — ${totalTurns} turns, ${conversations} concurrent conversations of ${turnsPerConversation} turns, ${cpus().length} cores, node ${process.version}`);
  console.table(rows);
  console.log(JSON.stringify({ totalTurns, conversations, turnsPerConversation, rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
