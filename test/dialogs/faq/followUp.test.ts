import { TestAdapter, TurnContext } from 'botbuilder';
import { followsUpQuestion, followUpOf, questionInContext, rememberQuestion } from '../../../dialogs/faq/followUp';
import { setTopicMemory, topicLifetimeMs } from '../../../dialogs/topicMemory';

const context = (): TurnContext => {
  const turn = new TurnContext(new TestAdapter(), { type: 'message', text: '', conversation: { id: 'c' } as never, channelId: 'test' });
  setTopicMemory(turn, {});
  return turn;
};
const now = new Date('2026-06-10T14:00:00Z');

describe('follow-up questions', () => {
  it.each([
    ['what about sundays?', 'sundays'],
    ['What about Humana', 'Humana'],
    ['and medicaid?', 'medicaid'],
    ['ok so how about the denver one', 'the denver one'],
  ])('reads %j as a follow-up about %j', (text, rest) => {
    expect(followUpOf(text)).toBe(rest);
  });

  it.each(['and how long do refunds take?', 'what are your hours', 'what about the thing I asked you yesterday about my bill and the charge'])(
    'reads %j as a question of its own',
    (text) => {
      expect(followUpOf(text)).toBeUndefined();
    },
  );

  it('puts a follow-up to the knowledge base with the question it follows, its new words counting twice', () => {
    const turn = context();
    expect(questionInContext(turn, 'what about sundays?', now)).toBe('what about sundays?');
    rememberQuestion(turn, 'are you open on saturdays?', now);
    expect(followsUpQuestion(turn, 'what about sundays?', now)).toBe(true);
    expect(questionInContext(turn, 'what about sundays?', now)).toBe('are you open on saturdays sundays sundays?');
    expect(questionInContext(turn, 'where is my order?', now)).toBe('where is my order?');
  });

  it('forgets the question once the topic has expired', () => {
    const turn = context();
    rememberQuestion(turn, 'do you take cigna?', now);
    const later = new Date(now.getTime() + topicLifetimeMs + 1);
    expect(followsUpQuestion(turn, 'and humana?', later)).toBe(false);
    expect(questionInContext(turn, 'and humana?', later)).toBe('and humana?');
  });
});
