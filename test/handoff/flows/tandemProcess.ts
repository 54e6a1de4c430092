import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, sleep } from '../../support/throwawayRedis';

const root = path.resolve(__dirname, '../../..');


/** A real Tandem process, started from the sources (`tsx src/main.ts`) so that no build is needed first. */
export class TandemProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts one process on a free port and resolves once /readyz answers 200. */
  static async start(env: Record<string, string>): Promise<TandemProcess> {
    const port = await freePort();
    // node itself with tsx as a loader (as `npm start` does), not the tsx CLI: the CLI runs Tandem in a child
    // of its own, so a kill -9 would stop only the wrapper and leave Tandem running.
    const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new TandemProcess(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 120_000; // generous: start-up compiles TypeScript, slow on a loaded machine
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Tandem exited with ${child.exitCode}:\n${started.output}`);
      try {
        if ((await fetch(`${started.baseUrl}/readyz`)).status === 200) return started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await started.stop();
    throw new Error(`Tandem did not become ready:\n${started.output}`);
  }

  /** What the process printed (for failure messages). */
  get logs(): string {
    return this.output;
  }

  /** kill -9: no drain, no cleanup, as a crash or an OOM kill would stop it. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM (graceful), then SIGKILL if it hangs. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  }
}
