import { readWaitingTalk } from '../../src/bot/waitingTalk';

describe('readWaitingTalk (what a customer in line says about the wait)', () => {
  it.each([
    "I don't need a human anymore, thanks",
    'actually never mind, cancel',
    'forget it',
    'stop waiting',
    'no longer need an agent',
    'never mind, where is my order TD-100001?',
    'oh I figured it out',
    'cancel my request please',
  ])('%j leaves the queue', (text) => {
    expect(readWaitingTalk(text)).toBe('cancel');
  });

  it.each(['how much longer?', 'am I next?', 'still waiting?', 'how long?', 'how long will it take?', 'where am I in the queue', 'is anyone there?', 'when will someone answer?', 'how many people are ahead of me', 'you there?', 'hey, is anyone there?'])(
    '%j asks about the place in line',
    (text) => {
      expect(readWaitingTalk(text)).toBe('position');
    },
  );

  it.each(['HUMAN PLEASE', 'agent', 'can I talk to a real person?', 'get me someone please'])('%j asks for a person again', (text) => {
    expect(readWaitingTalk(text)).toBe('askedAgain');
  });

  it.each(['how long does shipping take?', "I don't want to wait too long", 'my order TD-100001 never arrived', 'I need a refund for the blue one', 'hello', 'hello?'])(
    '%j is for the agent',
    (text) => {
      expect(readWaitingTalk(text)).toBeUndefined();
    },
  );
});
