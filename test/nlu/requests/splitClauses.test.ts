import { splitClauses } from '../../../src/nlu/requests/splitClauses';

describe('splitClauses', () => {
  it.each([
    ['where is my order TD-100003 and can I also book a physical for tomorrow?', ['where is my order TD-100003', 'can I also book a physical for tomorrow?']],
    ['thanks. also where is my order TD-100004', ['thanks.', 'where is my order TD-100004']],
    ['track TD-100003, zip 78704, and how do refunds work?', ['track TD-100003', 'zip 78704', 'how do refunds work?']],
    ['hours? plus parking', ['hours?', 'parking']],
    ['book a skin check and a follow-up', ['book a skin check', 'a follow-up']],
    ['where is my order', ['where is my order']],
    ['and also, what are your hours', ['what are your hours']],
  ])('cuts %j into its clauses', (message, clauses) => {
    expect(splitClauses(message).map((c) => c.text)).toEqual(clauses);
  });

  it('gives offsets into the message it was given', () => {
    const message = 'hi, where is TD-100001 and what are your hours?';
    for (const clause of splitClauses(message)) expect(message.slice(clause.start, clause.end)).toBe(clause.text);
  });

  it('keeps "also" inside a clause: "can I also book" is one request', () => {
    expect(splitClauses('can I also book a physical').map((c) => c.text)).toEqual(['can I also book a physical']);
  });

  it('returns nothing for a message without words', () => {
    expect(splitClauses(' , . and ')).toEqual([]);
  });
});
