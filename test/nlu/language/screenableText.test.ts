import { screenableText } from '../../../src/nlu/language/screenableText';

describe('screenableText', () => {
  it('keeps a text that was not truncated, fragment or not', () => {
    expect(screenableText({ text: 'help. I have been trying to', truncated: false })).toBe('help. I have been trying to');
  });

  it('stops a truncated text at its last complete sentence', () => {
    expect(screenableText({ text: 'Where is my order? It was due Monday! I have been trying to', truncated: true })).toBe('Where is my order? It was due Monday!');
    expect(screenableText({ text: 'He said "I will hurt you." Then he left and I was tr', truncated: true })).toBe('He said "I will hurt you."');
    expect(screenableText({ text: 'first line\nsecond li', truncated: true })).toBe('first line\n');
  });

  it('keeps a truncated text that has no sentence end at all', () => {
    expect(screenableText({ text: 'a b c d e f g h', truncated: true })).toBe('a b c d e f g h');
  });

  it('does not take a dot inside a word or number for a sentence end', () => {
    expect(screenableText({ text: 'Order TD-1 costs 3.50 and example.com says it ships', truncated: true })).toBe('Order TD-1 costs 3.50 and example.com says it ships');
  });
});
