import http from 'node:http';
import { WebSocket } from 'ws';
import { postJson } from './load';
import type { OpenLoopClient } from './openLoad';

export interface WebChatConversation {
  readonly conversationId: string;
  readonly token: string;
  readonly socket: WebSocket;
  /** Ids of the user activities a bot message has answered (its replyToId), as seen on the stream. */
  readonly answered: Set<string>;
  wake: () => void;
}

interface StreamFrame {
  activities?: { type?: string; replyToId?: string; from?: { role?: string } }[];
}

const replyTimeoutMs = 30_000;

/**
 * A web chat customer as the page is one: the conversation is started over Direct Line, its WebSocket
 * stream is open, and a turn lasts from the POST of the message until the bot's first message answering
 * it arrives on the stream.
 */
export class WebChatLoadClient implements OpenLoopClient<WebChatConversation> {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  private readonly open = new Set<WebChatConversation>();

  constructor(
    private readonly port: number,
    private readonly secret: string,
  ) {}

  async start(): Promise<WebChatConversation> {
    const started = await postJson(this.agent, this.port, '/v3/directline/conversations', {}, { authorization: `Bearer ${this.secret}` });
    if (started.status !== 201) throw new Error(`conversation start answered ${started.status}`);
    const { conversationId, token, streamUrl } = JSON.parse(started.body) as { conversationId: string; token: string; streamUrl: string };
    const socket = new WebSocket(streamUrl, { perMessageDeflate: false });
    const conversation: WebChatConversation = { conversationId, token, socket, answered: new Set(), wake: () => undefined };
    let welcomed: () => void = () => undefined;
    const welcome = new Promise<void>((resolve) => (welcomed = resolve));
    socket.on('message', (data) => {
      const text = String(data);
      if (text === '') return;
      for (const activity of (JSON.parse(text) as StreamFrame).activities ?? []) {
        if (activity.from?.role !== 'bot' || activity.type !== 'message') continue;
        if (activity.replyToId) conversation.answered.add(activity.replyToId);
        else welcomed();
      }
      conversation.wake();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await welcome;
    this.open.add(conversation);
    return conversation;
  }

  async turn(conversation: WebChatConversation, text: string): Promise<boolean> {
    const posted = await postJson(
      this.agent,
      this.port,
      `/v3/directline/conversations/${conversation.conversationId}/activities`,
      { type: 'message', text },
      { authorization: `Bearer ${conversation.token}` },
    );
    if (posted.status !== 200) return false;
    const { id } = JSON.parse(posted.body) as { id: string };
    const deadline = performance.now() + replyTimeoutMs;
    while (!conversation.answered.has(id)) {
      if (performance.now() > deadline || conversation.socket.readyState !== WebSocket.OPEN) return false;
      await new Promise<void>((resolve) => {
        conversation.wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
    conversation.answered.delete(id);
    return true;
  }

  close(): void {
    for (const conversation of this.open) conversation.socket.close();
    this.open.clear();
    this.agent.destroy();
  }
}
