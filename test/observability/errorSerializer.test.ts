import { serializeError } from '../../src/observability/errorSerializer';
import { TandemError } from '../../src/errors';

function jsonParseError(text: string): Error {
  try {
    JSON.parse(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the text not to parse');
}

describe('serializeError', () => {
  it('keeps type, message, stack and code, and follows the cause chain', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    const wrapped = new TandemError('STATE_UNAVAILABLE', 'reading bot state', undefined, { cause: root });
    const serialized = serializeError(wrapped);
    expect(serialized).toMatchObject({
      type: 'TandemError',
      message: 'State store (Redis) unavailable: reading bot state',
      code: 'STATE_UNAVAILABLE',
      cause: { type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:6379', code: 'ECONNREFUSED' },
    });
    expect(serialized.stack).toMatch(/TandemError: State store[\s\S]*errorSerializer\.test\.ts/);
    expect(serialized.cause?.stack).toMatch(/ECONNREFUSED[\s\S]*errorSerializer\.test\.ts/);
  });

  it('drops the quoted input of a JSON parse error from message and stack', () => {
    const failure = jsonParseError('hello, this is Jane Roe and my card is 4111 1111 1111 1111');
    const serialized = serializeError(new Error('stored record unreadable', { cause: failure }));
    expect(serialized.cause?.message).toBe("Unexpected token 'h', <input> is not valid JSON");
    expect(JSON.stringify(serialized)).not.toMatch(/Jane|hello|4111/);
    expect(serialized.cause?.stack).toMatch(/^SyntaxError: Unexpected token 'h', <input> is not valid JSON\n\s+at JSON\.parse/);
  });

  it("drops the value quoted by Node's argument checks", () => {
    const refused = Object.assign(new TypeError("The argument 'encoding' is invalid encoding. Received 'Jane Roe'"), { code: 'ERR_INVALID_ARG_VALUE' });
    expect(serializeError(refused).message).toBe("The argument 'encoding' is invalid encoding. Received <value>");
  });

  it('copies no other property of the error (an ioredis command carries stored values)', () => {
    const reply = Object.assign(new Error('ERR value is not an integer'), { command: { name: 'set', args: ['k', '{"text":"Jane Roe"}'] }, response: { body: 'x' } });
    expect(Object.keys(serializeError(reply)).sort()).toEqual(['message', 'stack', 'type']);
  });

  it('serializes the inner errors of an AggregateError and survives a cause cycle', () => {
    const first = new Error('connect ECONNREFUSED ::1:6379');
    const second = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const aggregate = new AggregateError([first, second], 'all addresses failed');
    const looped = new Error('loop');
    (looped as { cause?: unknown }).cause = looped;
    expect(serializeError(aggregate).errors?.map((e) => e.message)).toEqual([first.message, second.message]);
    expect(serializeError(looped).cause).toEqual({ type: 'Error', message: '[cause chain cut]' });
  });

  it('names the type of a thrown value that is not an error, without its content', () => {
    expect(serializeError('my name is Jane Roe')).toEqual({ type: 'string' });
  });
});
