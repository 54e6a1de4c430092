import { PhraseMatcher, withinOneEdit } from '../../../src/nlu/emergency/phraseMatcher';
import { tokenize } from '../../../src/nlu/language/tokenize';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher([
    { id: 'chest_pain', category: 'x', slots: ['chest', 'pain|hurt'], gap: 2, negatable: true, veto: ['drawers'] },
    { id: 'exact', category: 'y', slots: ['=seizing', 'assets'], gap: 0 },
    { id: 'typo', category: 'z', slots: ['~attack'] },
  ]);
  const ids = (text: string): string[] => matcher.match(tokenize(text)).filter((m) => !m.negated).map((m) => m.rule.id);

  it('matches by stem, with a bounded gap', () => {
    expect(ids('chest pains')).toEqual(['chest_pain']);
    expect(ids('chest is really hurting')).toEqual(['chest_pain']);
    expect(ids('chest is a real and true pain')).toEqual([]);
  });

  it('applies vetoes and negation', () => {
    expect(ids('the chest of drawers was a pain')).toEqual([]);
    expect(ids('no chest pain')).toEqual([]);
    expect(matcher.match(tokenize('no chest pain'))[0]?.negated).toBe(true);
  });

  it('matches "=" words exactly and "~" words with one typo', () => {
    expect(ids('seizing assets')).toEqual(['exact']);
    expect(ids('seize assets')).toEqual([]);
    expect(ids('atack')).toEqual(['typo']);
    expect(ids('atacks on')).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['attack', 'atack', true],
    ['attack', 'attakc', true],
    ['attack', 'attacks', true],
    ['attack', 'atteck', true],
    ['attack', 'atacks', false],
    ['kill', 'fill', true],
    ['same', 'same', true],
  ] as const)('%s vs %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});
