import { randomUUID } from 'node:crypto';
import { appWithCapturedLogs, message, post, say } from '../support/startApp';

// Port 9 (discard) on loopback refuses connections on this machine and in CI, so a reply sent there fails at once.
const refusingServiceUrl = 'http://127.0.0.1:9';

describe('a message whose own serviceUrl refuses the reply', () => {
  const { logs, running } = appWithCapturedLogs();
  const baseUrl = (): string => running().baseUrl;

  it('is a warning about the caller\'s channel, not an internal error, and the bot keeps serving others', async () => {
    const conversationId = `c-${randomUUID()}`;
    const { status } = await post(baseUrl(), message(conversationId, 'what are your opening hours?', { deliveryMode: 'normal', serviceUrl: refusingServiceUrl }));

    expect(status).toBeLessThan(500);
    const lines = logs.lines();
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ code: 'CHANNEL_UNREACHABLE', msg: 'reply not delivered: the channel did not answer' }));
    expect((await say(baseUrl(), `c-${randomUUID()}`, 'what are your opening hours?')).join(' ')).toMatch(/hour|open/i);
  });
});
