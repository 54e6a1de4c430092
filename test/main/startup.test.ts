import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../support/throwawayRedis';
import { message, post } from '../support/startApp';

const root = join(__dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** `npm start`'s own command line, run without npm in between so that signals reach Tandem itself. */
function startCommand(): string[] {
  const [program, ...args] = (scripts.start ?? '').split(' ');
  expect(program).toBe('node');
  return args;
}

function run(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, startCommand(), {
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

describe('npm start (compiled JavaScript in dist/)', () => {
  beforeAll(() => {
    // What `prestart` runs before every `npm start`.
    expect(scripts.prestart).toBe('npm run --silent build');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  }, 600_000);

  it('refuses a bad configuration with a non-zero exit naming the key', async () => {
    const proc = run({ PORT: 'eighty', REDIS_URL: 'localhost' });
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toMatch(/PORT: /);
    expect(proc.err()).toMatch(/REDIS_URL: /);
  });

  it('serves the pages and answers from the compiled files, and shuts down gracefully on SIGTERM, finishing the turn in flight', async () => {
    const port = await freePort();
    const proc = run({ PORT: String(port), HOST: '127.0.0.1', REDIS_URL: '' });
    try {
      await waitFor(() => /Tandem listening/.test(proc.out()), 90_000);
      const baseUrl = `http://127.0.0.1:${port}`;
      for (const path of ['/', '/chat/chat.js', '/agent', '/agent/agent.js', '/vendor/webchat.js']) {
        expect([path, (await fetch(`${baseUrl}${path}`)).status]).toEqual([path, 200]);
      }
      // The corpus and the knowledge articles are read from beside the compiled modules.
      const faq = await post(baseUrl, message('c-faq', 'what are your opening hours?'));
      expect(faq.json.activities?.map((a) => a.text).join(' ')).toMatch(/Monday to Friday/);
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
  }, 120_000);
});
