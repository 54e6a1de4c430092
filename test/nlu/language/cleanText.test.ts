import { cleanText } from '../../../src/nlu/language/cleanText';

describe('cleanText', () => {
  it('trims and collapses whitespace', () => {
    expect(cleanText('  hello \t  there \n\n\n\n bye  ', 100)).toEqual({ text: 'hello there\n\nbye', truncated: false });
  });

  it('strips control, bidi-override and zero-width characters', () => {
    // Control characters become spaces (they often separate words); invisible ones vanish.
    expect(cleanText('he\u0000llo\u202Eworld\u200B!', 100).text).toBe('he lloworld!');
    expect(cleanText('a\u0007b', 100).text).toBe('a b');
    expect(cleanText('a\u202Eb\u200Bc', 100).text).toBe('abc');
  });

  it('strips HTML tags, scripts and entities', () => {
    expect(cleanText('<p>Where is <b>my</b> order?</p><script>alert(1)</script>', 100).text).toBe('Where is my order?');
    expect(cleanText('Tom &amp; Jerry &lt;3 &#128512;', 100).text).toBe('Tom & Jerry <3 😀');
  });

  it('strips markdown emphasis, links and code', () => {
    expect(cleanText('**URGENT** see [my order](https://x.test/o) and `code`', 100).text).toBe('URGENT see my order and code');
    expect(cleanText('# Title\n> quoted', 100).text).toBe('Title\nquoted');
  });

  it('truncates to the limit without splitting an emoji', () => {
    expect(cleanText('abcdef', 3)).toEqual({ text: 'abc', truncated: true });
    const emoji = cleanText('ab😀', 3);
    expect(emoji.text).toBe('ab');
    expect(emoji.truncated).toBe(true);
  });

  it('cleans 100,000 characters and flags truncation', () => {
    const result = cleanText('<b>x</b> '.repeat(12_000), 4000);
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(4000);
  });

  it('keeps RTL text and emoji', () => {
    expect(cleanText(' مرحبا 👋 ', 100).text).toBe('مرحبا 👋');
  });

  it('treats non-strings as empty', () => {
    expect(cleanText(undefined, 100)).toEqual({ text: '', truncated: false });
    expect(cleanText(42, 100)).toEqual({ text: '', truncated: false });
  });
});
