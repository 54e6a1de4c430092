import { randomUUID } from 'node:crypto';
import { appWithCapturedLogs, message, post } from '../support/startApp';

describe('an internal error during a turn', () => {
  const { logs, running } = appWithCapturedLogs();

  it('is logged with its stack and its cause, and without what the customer wrote', async () => {
    const storage = running().app.backend.storage;
    const read = storage.read.bind(storage);
    storage.read = async () => {
      try {
        JSON.parse('Jane Roe wrote this, not JSON');
      } catch (parseError) {
        throw new Error('stored bot state is unreadable', { cause: parseError });
      }
      return {};
    };
    try {
      const { status } = await post(running().baseUrl, message(`c-${randomUUID()}`, 'I am Jane Roe, my card is 4111 1111 1111 1111'));
      expect(status).toBe(200);
    } finally {
      storage.read = read;
    }

    const line = logs.lines().find((entry) => entry.msg === 'turn failed') as { code: string; err: { stack: string; cause: { type: string; stack: string } } };
    expect(line.code).toBe('TURN_FAILED');
    expect(line.err.stack).toMatch(/^Error: stored bot state is unreadable\n\s+at /);
    expect(line.err.cause.type).toBe('SyntaxError');
    expect(line.err.cause.stack).toMatch(/JSON\.parse/);
    expect(logs.raw()).not.toMatch(/Jane|4111/);
  });
});
