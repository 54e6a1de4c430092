/**
 * 100,000-character inputs shaped to make a text scanner backtrack (runs of the characters its
 * patterns start with). The tests check that scanners finish on them; `npm run bench:adversarial`
 * measures how long they take.
 */
export const adversarialTexts: ReadonlyArray<readonly [name: string, text: string]> = [
  ['letters', 'a'.repeat(100_000)],
  ['digits', '1'.repeat(100_000)],
  ['at signs', 'a@'.repeat(50_000)],
  ['dashed digits', '1-'.repeat(50_000)],
  ['spaced digits', '1 '.repeat(50_000)],
  ['dotted letters', 'x@a.'.repeat(25_000)],
  ['date fragments', '12-12-'.repeat(16_000)],
  ['address fragments', '123 a b c d e '.repeat(7_000)],
  ['month fragments', '5 Mar 5 Mar '.repeat(8_000)],
  ['bracket fragments', '+1 (2) 3 '.repeat(10_000)],
  ['html tags', '<b>x</b> '.repeat(12_000)],
  ['dense entities', 'call 415-555-2671 tomorrow at 3pm about TD-104233 '.repeat(2_000)],
];
