import { correctDateWords } from '../../../src/nlu/entities/dateWordTypos';

describe('correctDateWords', () => {
  it('corrects date words one edit away and maps offsets back to the text as written', () => {
    const text = 'see you thrusday afternon ok';
    const corrected = correctDateWords(text);
    expect(corrected.text).toBe('see you thursday afternoon ok');
    const start = corrected.text.indexOf('thursday');
    const end = corrected.text.indexOf(' ok');
    expect(text.slice(corrected.toOriginal(start), corrected.toOriginal(end))).toBe('thrusday afternon');
    expect(corrected.toOriginal(corrected.text.length)).toBe(text.length);
  });

  it.each(['I want a match on friday', 'tomorrow morning', 'still in mourning', 'fridays are best', 'the wensday one'])('leaves %j as it is', (text) => {
    expect(correctDateWords(text).text).toBe(text);
  });
});
