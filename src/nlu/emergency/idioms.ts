/**
 * Fixed English idioms built from crisis words ("this wait is killing me", "bleeding me dry"). They are replaced
 * by the token `idiom` before scoring, in training and at run time alike, so the crisis words inside them
 * count for nothing while the rest of the sentence is still scored (a real crisis beside an idiom is caught).
 * Written as normalised words (riskText.normalizeWords); `*` stands for any one word. An idiom about "me" right
 * after a person ("he is killing me") is not an idiom.
 */
const IDIOMS = [
  'killing me', 'killing it', 'killed it', 'kill for', 'id kill for', 'to die for', 'dying to', 'dying for',
  'bored to death', 'scared to death', 'sick to death', 'worried to death', 'death of me', 'rather die than', 'dead on arrival',
  'dead tired', 'dead battery', 'battery died', 'battery is dead', 'phone died', 'phone is dead', 'laptop died', 'bleeding me dry',
  'bleeding money', 'bleeding cash', 'breathing down my neck', 'breathing room', 'give me a heart attack', 'gave me a heart attack',
  'give someone a seizure', 'give me a seizure', 'give * a seizure', 'give * a heart attack', 'arm fell asleep', 'leg fell asleep', 'foot fell asleep', 'hand fell asleep', 'died laughing',
  'die laughing', 'dying laughing', 'die of embarrassment', 'died of embarrassment', 'im dead lol', 'over my dead body',
  'drop dead gorgeous', 'stroke of luck', 'stroke of genius', 'heart attack on a plate', 'shoot me an email', 'shoot me a text',
  'shoot me a message', 'take a stab at', 'kill time', 'killing time', 'dead end', 'dead heat', 'choked up',
];

const PEOPLE = new Set(['he', 'she', 'they', 'hes', 'shes', 'theyre', 'husband', 'wife', 'boyfriend', 'girlfriend', 'dad', 'father', 'partner', 'ex', 'someone', 'somebody', 'man', 'guy', 'him', 'her', 'son', 'brother']);

const BY_FIRST = new Map<string, (readonly string[])[]>();
for (const idiom of IDIOMS) {
  const words = idiom.split(' ');
  BY_FIRST.set(words[0]!, [...(BY_FIRST.get(words[0]!) ?? []), words]);
}

/** The words with every idiom replaced by the single token `idiom`. */
export function maskIdioms(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const afterPerson = PEOPLE.has(words[i - 1] ?? '') || PEOPLE.has(words[i - 2] ?? '');
    const match = (BY_FIRST.get(words[i]!) ?? []).find(
      (idiom) => !(afterPerson && idiom.includes('me')) && idiom.every((w, k) => w === '*' || words[i + k] === w),
    );
    if (match) {
      out.push('idiom');
      i += match.length - 1;
    } else {
      out.push(words[i]!);
    }
  }
  return out;
}
