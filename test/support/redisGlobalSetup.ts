import { Socket } from 'node:net';

/** Probes the test Redis once per run so suites can decide, at collection time, whether to run. */
export default async function redisGlobalSetup(): Promise<void> {
  const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const up = await new Promise<boolean>((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(url.port || 6379), url.hostname, () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    });
  });
  process.env.TANDEM_TEST_REDIS = up ? 'up' : 'down';
}
