import { EmergencyDetector } from '../../../src/nlu/emergency/detectEmergency';

const detector = new EmergencyDetector();
const alarm = (text: string): boolean => detector.detect(text).isEmergency;

// A routine paragraph (about 400 characters) to bury a crisis sentence in.
const ROUTINE =
  'I am writing about my account because the last invoice had the wrong address on it and the delivery went to my old flat. ' +
  'Could you also check whether the blue kettle I ordered is back in stock, and whether the discount code from the newsletter still works. ' +
  'My phone number changed as well, so please update it on the file when you get a chance. ';

describe('crisis detection on badly written messages', () => {
  it.each([
    ['a misspelt suicide', 'i keep thinking about suicde'],
    ['a misspelt overdose', 'i think i overdossed on my meds'],
    ['a misspelt breathe', 'cant breath help'],
    ['a misspelt seizure', 'my husband is having a siezure'],
    ['no punctuation', 'my dad collapsed and he is not breathing what do i do'],
    ['all caps', 'MY TODDLER SWALLOWED A BATTERY'],
    ['emojis', 'my throat is closing up after eating shrimp 😭😭🆘'],
    ['text-speak', 'gonna kms tonite'],
  ])('catches %s', (_name, text) => {
    expect(alarm(text)).toBe(true);
  });

  it('catches a crisis sentence buried in a 4,000-character message, wherever it sits', () => {
    const filler = ROUTINE.repeat(12);
    const crisis = 'Also I took a whole bottle of my sleeping pills an hour ago.';
    for (const text of [`${crisis} ${filler}`, `${filler.slice(0, 2000)}${crisis} ${filler.slice(2000)}`, `${filler}${crisis}`]) {
      expect(text.length).toBeGreaterThan(3900);
      expect(alarm(text)).toBe(true);
    }
  });

  it('leaves the same long routine message alone', () => {
    expect(alarm(ROUTINE.repeat(12))).toBe(false);
  });

  it('leaves empty, blank, emoji-only and punctuation-only messages alone', () => {
    for (const text of ['', '   ', '\n\n', '😭😭😭', '🙂', '???', '...', '\u0000\u0001']) expect(alarm(text)).toBe(false);
  });

  it('does not throw on pathological input, and still reads the end of a very long one', () => {
    for (const text of ['a '.repeat(50_000), 'x'.repeat(100_000), '🚑'.repeat(5_000), 'مرحبا بكم', '<script>alert(1)</script>']) {
      expect(() => detector.detect(text)).not.toThrow();
    }
    expect(alarm(`${'word '.repeat(20_000)} I can't breathe`)).toBe(true);
  });
});
