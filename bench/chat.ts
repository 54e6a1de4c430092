/**
 * Terminal chat with a running Tandem: `npm run chat` (TANDEM_URL defaults to http://localhost:3978).
 * Talks Bot Framework over HTTP with deliveryMode "expectReplies", so no Emulator is needed.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';

interface ReplyActivity {
  type: string;
  text?: string;
  suggestedActions?: { actions?: { title?: string; value?: unknown }[] };
  channelData?: { agent?: { name?: string } };
}

const baseUrl = (process.argv[2] ?? process.env.TANDEM_URL ?? 'http://localhost:3978').replace(/\/$/, '');
const conversationId = `chat-${randomUUID()}`;
const user = { id: `user-${randomUUID().slice(0, 8)}`, name: 'You' };

async function send(activity: Record<string, unknown>): Promise<ReplyActivity[]> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      channelId: 'terminal',
      serviceUrl: baseUrl,
      conversation: { id: conversationId },
      from: user,
      recipient: { id: 'tandem', name: 'Tandem' },
      deliveryMode: 'expectReplies',
      localTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      timestamp: new Date().toISOString(),
      ...activity,
    }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const body = (await response.json().catch(() => ({}))) as { activities?: ReplyActivity[] };
  return body.activities ?? [];
}

function print(replies: ReplyActivity[]): void {
  for (const reply of replies) {
    if (reply.type !== 'message') continue;
    const speaker = reply.channelData?.agent?.name ?? 'Tandem';
    console.log(`\x1b[36m${speaker}:\x1b[0m ${reply.text ?? ''}`);
    const actions = reply.suggestedActions?.actions ?? [];
    if (actions.length > 0) console.log(`  \x1b[2m[${actions.map((a) => a.title ?? String(a.value)).join('] [')}]\x1b[0m`);
  }
}

async function main(): Promise<void> {
  console.log(`Connected to ${baseUrl}. Type a message; Ctrl+D or /quit to leave.`);
  print(await send({ type: 'conversationUpdate', membersAdded: [user], text: undefined }));
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('\x1b[33mYou:\x1b[0m ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit') break;
    if (text) {
      try {
        print(await send({ type: 'message', text }));
      } catch (error) {
        console.error(`Could not reach Tandem: ${(error as Error).message}`);
      }
    }
    rl.prompt();
  }
  rl.close();
}

main().catch((error: unknown) => {
  console.error(`Could not reach Tandem at ${baseUrl}: ${(error as Error).message}`);
  process.exitCode = 1;
});
