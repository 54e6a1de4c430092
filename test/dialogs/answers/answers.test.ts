import { matchChoice } from '../../../dialogs/answers/choice';
import { checkFreeText, hasNoWords } from '../../../dialogs/answers/freeText';
import { parseYesNo } from '../../../dialogs/answers/yesNo';

describe('matchChoice', () => {
  const choices = ['Wrong size or fit', 'Damaged or defective', 'Not as described', 'No longer needed'];
  it.each([
    ['2', 1],
    ['the third one', 2],
    ['Damaged or defective', 1],
    ['damaged', 1],
    ['it arrived damaged or defective!', 1],
    ['number 4', 3],
    ['The last one', 3],
    ['last option', 3],
    ['the 2nd one pls', 1],
    ['secnd one', 1],
    ["I'll take the 3rd", 2],
    ['9', undefined],
    ['or', undefined],
    ['', undefined],
    ['something unrelated', undefined],
  ] as const)('reads %p as choice %p', (text, expected) => {
    expect(matchChoice(text, choices)).toBe(expected);
  });

  it('refuses an answer that fits several choices', () => {
    expect(matchChoice('no', ['No, keep it', 'No longer needed'])).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    ['Yes please.', true],
    ['sure', true],
    ['nope', false],
    ['No!', false],
    ['maybe', undefined],
    ['yes and also cancel my other order', undefined],
    ['yep do it', true],
    ['yes book it', true],
    ['ok send it', true],
    ['yes cancel it', undefined],
    ['YES!!!', true],
    ['yess', true],
    ['nah thanks', false],
    ['noo', false],
    ['no, I already registered. I want to book an appointment', undefined],
    ['yes?', undefined],
  ] as const)('reads %p as %p', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
});

describe('free text checks', () => {
  it.each([
    ['It broke after a day', undefined],
    ['   ', 'empty'],
    ['😡😡😡', 'unreadable'],
    ['!!! ??? 🙃', 'unreadable'],
    ['x'.repeat(2001), 'too_long'],
  ] as const)('judges %p as %p', (text, expected) => {
    expect(checkFreeText(text, 2000)).toBe(expected);
  });

  it('treats digits as words', () => {
    expect(hasNoWords('42')).toBe(false);
  });
});
