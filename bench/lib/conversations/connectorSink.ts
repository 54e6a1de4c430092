import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorSink {
  /** The serviceUrl to put on activities: the bot's proactive messages (handback, queue updates) land here. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A stand-in for the channel's connector that accepts and discards every call. Conversation tests check the
 * replies of each turn only; without a reachable serviceUrl each proactive message would wait on retries.
 */
export async function startConnectorSink(): Promise<ConnectorSink> {
  let next = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sink-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
