import { connect } from 'node:net';

export type RawOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: Buffer }
  /** The server closed (or reset) the connection without a status line. */
  | { kind: 'closed'; detail: string }
  /** Nothing complete came back within the time limit. */
  | { kind: 'hang' };

interface Head {
  status: number;
  headers: Record<string, string>;
  bodyStart: number;
}

function parseHead(data: Buffer): Head | undefined {
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset, 'latin1');
    if (end < 0) return undefined;
    const lines = data.subarray(offset, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
    if (!Number.isFinite(status)) return { status: 0, headers: {}, bodyStart: end + 4 };
    // An interim answer (100 Continue) is followed by the real one; 101 (an accepted upgrade) is the last HTTP there is.
    if (status >= 100 && status < 200 && status !== 101) {
      offset = end + 4;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    return { status, headers, bodyStart: end + 4 };
  }
}

function complete(head: Head, data: Buffer, method: string): boolean {
  if (method === 'HEAD' || head.status === 204 || head.status === 304) return true;
  // An accepted WebSocket upgrade: the socket now carries frames, and the head is the answer.
  if (head.status === 101) return true;
  // A stream (agent events) never ends by itself: its head is the answer.
  if ((head.headers['content-type'] ?? '').startsWith('text/event-stream')) return true;
  const length = head.headers['content-length'];
  if (length !== undefined) return data.length - head.bodyStart >= Number(length);
  if (/chunked/i.test(head.headers['transfer-encoding'] ?? '')) return data.subarray(head.bodyStart).includes('\r\n0\r\n\r\n') || data.subarray(head.bodyStart).subarray(0, 5).toString() === '0\r\n\r\n';
  return false;
}

/**
 * Writes exact request bytes to `port` and reads one response, without any of the checks an HTTP
 * client library makes on what it sends. `halfClose` ends the sending side after the bytes (a client
 * that stops mid-request).
 */
export function sendRaw(port: number, bytes: Buffer, options: { method: string; timeoutMs: number; halfClose?: boolean }): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const fromData = (ended: boolean, detail: string) => {
      const data = Buffer.concat(chunks);
      const head = parseHead(data);
      if (head && head.status > 0 && (ended || complete(head, data, options.method))) {
        return finish({ kind: 'response', status: head.status, headers: head.headers, body: data.subarray(head.bodyStart) });
      }
      if (ended) finish({ kind: 'closed', detail: head?.status === 0 ? `not HTTP: ${data.subarray(0, 40).toString('latin1')}` : detail });
    };
    const timer = setTimeout(() => finish({ kind: 'hang' }), options.timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      fromData(false, '');
    });
    socket.on('end', () => fromData(true, 'closed without a response'));
    socket.on('close', () => fromData(true, 'closed without a response'));
    // A server that answers early (413) and closes makes the rest of our write fail: not a failure.
    socket.on('error', (error: NodeJS.ErrnoException) => fromData(true, error.code ?? error.message));
    socket.on('connect', () => {
      socket.write(bytes);
      if (options.halfClose) socket.end();
    });
  });
}
