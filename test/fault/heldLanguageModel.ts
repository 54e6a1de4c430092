import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat endpoint (LLM_PROVIDER=openai, LLM_BASE_URL=its url) that holds every
 * completion until `answerFromNowOn()`: a turn that asks it is stopped mid-way, for as long as the
 * test wants, without any sleep.
 */
export class HeldLanguageModel {
  url = '';
  requests = 0;
  private answering = false;
  private readonly held: ServerResponse[] = [];
  private readonly waiters = new Set<() => void>();
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        this.requests += 1;
        for (const wake of [...this.waiters]) wake();
        if (this.answering) this.answer(res);
        else this.held.push(res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  /** Resolves once `count` completions have been asked for in all. */
  async waitForRequests(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests < count) {
      if (Date.now() > deadline) throw new Error(`the language model was asked ${this.requests} times, expected ${count}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 200);
        this.waiters.add(wake);
      });
    }
  }

  /** Every held and later completion is answered at once. */
  answerFromNowOn(): void {
    this.answering = true;
    for (const res of this.held.splice(0)) this.answer(res);
  }

  async stop(): Promise<void> {
    for (const res of this.held.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(res: ServerResponse): void {
    if (res.destroyed) return;
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 0,
        model: 'test-model',
        choices: [{ index: 0, message: { role: 'assistant', content: 'We are open Monday to Friday, 8 am to 6 pm.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }
}
