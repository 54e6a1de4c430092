import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface MemorySample {
  readonly rss: number;
  readonly heapUsed: number;
}

export interface BotProcess {
  readonly port: number;
  /** RSS and heap of the bot's process after a full GC. */
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

/**
 * The load generator is one anonymous address posting far more than a customer would; a real channel is
 * authenticated (MICROSOFT_APP_ID set) and not limited per address. Without this, 429s would count as turns.
 */
const benchRateLimits = {
  RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
  RATE_LIMIT_ACTIVITIES_PER_MINUTE: '1000000',
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '1000000',
};

/** One bot (serveBot.ts) in its own process, so the load generator never shares its event loop. */
export async function startBotProcess(bot: 'tandem' | 'echo', env: NodeJS.ProcessEnv): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--disable-warning=DEP0111', join(__dirname, 'serveBot.ts'), bot], {
    env: { ...process.env, ...benchRateLimits, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`${bot} server exited with ${String(code)}`)));
    });
  const { port } = JSON.parse(await nextLine()) as { port: number };
  return {
    port,
    memory: async () => {
      const answer = nextLine();
      child.stdin.write('memory\n');
      return JSON.parse(await answer) as MemorySample;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
