const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const ordinals: ReadonlyMap<string, number> = new Map(Object.entries({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  // As typed in a hurry.
  frist: 1, fisrt: 1, secnd: 2, scond: 2, seond: 2, secon: 2, thrid: 3, thrd: 3, forth: 4, fouth: 4, fith: 5, fifht: 5,
}));
const ordinalWords = [...ordinals.keys()].join('|');

/**
 * Which of `choices` an answer picks: its number ("2", "the second one"), its exact text, or the one
 * choice whose words the answer contains (or that contains the answer). Undefined when none or several fit.
 */
export function matchChoice(text: string, choices: readonly string[]): number | undefined {
  const answer = normalize(text);
  if (answer.length === 0) return undefined;
  const numbered = new RegExp(
    `^(?:(?:i(?: ll| will| d)? (?:take|want|choose|pick|like)|let s do|give me|how about|go with) )?(?:number |option |the )?(\\d{1,2}(?:st|nd|rd|th)?|${ordinalWords}|last|final)(?: one| option| time| slot)?(?: please| pls| plz| thanks| thx)?$`,
  ).exec(answer);
  if (numbered?.[1]) {
    const word = numbered[1].replace(/^(\d+)(?:st|nd|rd|th)$/, '$1');
    const n = word === 'last' || word === 'final' ? choices.length : (ordinals.get(word) ?? Number(word));
    return n >= 1 && n <= choices.length ? n - 1 : undefined;
  }
  const normalized = choices.map(normalize);
  const exact = normalized.indexOf(answer);
  if (exact >= 0) return exact;
  const containing = normalized.flatMap((c, i) => (c.length > 0 && (answer.includes(c) || (answer.length >= 3 && c.includes(answer))) ? [i] : []));
  return containing.length === 1 ? containing[0] : undefined;
}
