import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../support/throwawayRedis';
import { message, post } from '../support/startApp';

const root = join(__dirname, '..', '..');

function run(env: NodeJS.ProcessEnv) {
  // The same command as `npm start`, without npm in between, so signals reach Tandem itself.
  const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', DOTENV_CONFIG_QUIET: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start (src/main.ts)', () => {
  it('refuses a bad configuration with a non-zero exit naming the key', async () => {
    const proc = run({ PORT: 'eighty', REDIS_URL: 'localhost' });
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toMatch(/PORT: /);
    expect(proc.err()).toMatch(/REDIS_URL: /);
  });

  it('serves on embedded defaults and shuts down gracefully on SIGTERM, finishing the turn in flight', async () => {
    const port = await freePort();
    const proc = run({ PORT: String(port), HOST: '127.0.0.1', REDIS_URL: '' });
    try {
      await waitFor(() => /Tandem listening/.test(proc.out()), 20_000);
      const baseUrl = `http://127.0.0.1:${port}`;
      const inFlight = post(baseUrl, message('c-shutdown', 'I want to book an appointment'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      proc.child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await proc.exited).toBe(0);
      expect(proc.out()).toMatch(/"msg":"stopped"/);
      expect(proc.out()).not.toMatch(/book an appointment/);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });
});
