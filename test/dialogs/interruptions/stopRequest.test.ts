import { readStop, saysStop } from '../../../dialogs/interruptions/stopRequest';

describe('readStop', () => {
  const booking = ['appointment', 'booking', 'request'];
  it.each([
    ['never mind', 'stop'],
    ['Actually no, forget it.', 'stop'],
    ['ok cancel that please', 'stop'],
    ['cancel the booking', 'stop'],
    ['please stop the whole appointment request', 'stop'],
    ['I want to cancel this', 'stop'],
    ['scratch that', 'stop'],
    ['cancel my order TD-100002', 'none'],
    ['stop waiting', 'none'],
    ['no, I already registered', 'none'],
    ['actually, make it Thursday', 'none'],
    ['Eva Stone', 'none'],
  ] as const)('%j → %s', (text, kind) => {
    expect(readStop(text, booking).kind).toBe(kind);
  });

  it('keeps what follows a stop phrase as a message of its own', () => {
    expect(readStop('never mind, what are your hours?', booking)).toEqual({ kind: 'stopThen', rest: 'what are your hours?', bare: true });
    expect(readStop('forget it. where is my order TD-100001', booking)).toEqual({ kind: 'stopThen', rest: 'where is my order TD-100001', bare: true });
    expect(readStop('forget the booking, I want to check my order', booking)).toEqual({ kind: 'stopThen', rest: 'I want to check my order', bare: false });
  });

  it('leaves "cancel it" to a question that is itself about cancelling', () => {
    expect(readStop('cancel it', booking, true).kind).toBe('none');
  });
});

describe('saysStop', () => {
  it.each([
    ["I don't need this anymore", true],
    ['forget it', true],
    ['no longer needed', true],
    ['actually no', true],
    ['end this', true],
    ['Eva Stone', false],
    ['Cleo Hart', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(saysStop(text)).toBe(expected);
  });
});
