/**
 * The frames around crisis words that rules can name with confidence: a time in the past, a present marker,
 * a negation or screening answer, a question or document about the topic, a product or an order, an idiom.
 * They become features of the risk model (which learns how much each one counts) and drive the few hard rules.
 */

export const Frame = {
  history: 'history',
  present: 'present',
  negation: 'negation',
  topic: 'topic',
  product: 'product',
  idiom: 'idiom',
  resolved: 'resolved',
  firstPerson: 'first_person',
  otherPerson: 'other_person',
} as const;
export type Frame = (typeof Frame)[keyof typeof Frame];

// Phrases are written as normalised words (riskText.normalizeWords): no apostrophes, digits as `0`, years as `year0`.
const FRAME_PHRASES: Readonly<Record<Frame, readonly string[]>> = {
  history: [
    'years ago', 'year ago', 'months ago', 'month ago', 'decade ago', 'decades ago', 'last year', 'last spring', 'last summer',
    'last autumn', 'last winter', 'in year0', 'back in', 'as a teenager', 'as a teen', 'as a kid', 'as a child', 'when i was',
    'used to', 'history of', 'diagnosed', 'in the past', 'in my twenties', 'in my teens', 'in high school', 'in college',
    'previous', 'previously', 'prior', 'ages ago', 'long ago', 'years back', 'a while back', 'since my', 'after my', 'follow up',
    'followup', 'records', 'discharge', 'recovered', 'recovery', 'clean for', 'for years now', 'years clean', 'was hospitalized',
  ],
  present: [
    'now', 'right now', 'rn', 'currently', 'tonight', 'today', 'at the moment', 'as we speak', 'this minute', 'just now',
    'still', 'again', 'keeps', 'keep', 'started', 'minutes', 'mins', 'an hour', 'this morning', 'wont stop', 'isnt stopping',
    'getting worse', 'help', 'hurry', 'please', 'scared', 'going to', 'gonna', 'about to', 'tomorrow', 'this weekend', 'soon',
  ],
  negation: [
    'no', 'not', 'never', 'dont have', 'do not have', 'didnt', 'did not', 'denies', 'denied', 'without', 'nope', 'none',
    'no thoughts', 'not suicidal', 'no history', 'havent had', 'have not had', 'never had', 'no signs',
  ],
  topic: [
    'essay', 'report', 'paper', 'article', 'book', 'novel', 'movie', 'film', 'show', 'series', 'episode', 'documentary',
    'course', 'class', 'training', 'homework', 'thesis', 'research', 'podcast', 'presentation', 'exam', 'module', 'study',
    'signs of', 'symptoms of', 'warning signs', 'what are', 'what is', 'how do i', 'how to', 'covered', 'cover', 'insurance',
    'policy', 'claim', 'lawyer', 'attorney', 'case', 'sue', 'lawsuit', 'statistics', 'awareness', 'character', 'game', 'poster',
  ],
  product: [
    'order', 'ordered', 'delivery', 'delivered', 'return', 'refund', 'arrived', 'buy', 'bought', 'sell', 'stock', 'shipping',
    'proof', 'kit', 'case', 'subscription', 'refill', 'prescription', 'package', 'parcel', 'product', 'item', 'gift card',
    'dvd', 'poster', 'monitor', 'organizer', 'organiser', 'holder', 'trainer',
  ],
  idiom: [
    'killing me', 'kill for', 'killed it', 'to die for', 'dying to', 'dead on arrival', 'bored to death', 'sick to death',
    'dead tired', 'im dead', 'died laughing', 'die of embarrassment', 'die laughing', 'heart attack on a plate', 'is dead',
    'battery died', 'phone died', 'lol', 'lmao', 'haha', 'jk', 'kidding', 'joking', 'stroke of', 'breathing room', 'bleeding money',
  ],
  resolved: [
    'fine now', 'ok now', 'okay now', 'im fine', 'im ok', 'im okay', 'all good', 'doing well', 'doing fine', 'doing great',
    'its stopped', 'stopped already', 'already stopped', 'no symptoms', 'feel fine', 'feel totally fine', 'feels fine', 'breathing fine',
    'feeding well', 'eating fine', 'hes fine', 'shes fine', 'and fine', 'totally fine', 'fully recovered', 'safe now', 'im safe',
    'nothing serious', 'all normal', 'went away', 'gone now',
  ],
  first_person: ['i', 'im', 'me', 'my', 'myself', 'ive', 'id', 'ill'],
  other_person: [
    'he', 'she', 'hes', 'shes', 'him', 'her', 'they', 'husband', 'wife', 'dad', 'mom', 'mum', 'son', 'daughter', 'baby', 'kid',
    'child', 'friend', 'brother', 'sister', 'partner', 'someone', 'somebody', 'toddler', 'grandma', 'grandpa', 'neighbour',
    'neighbor', 'man', 'woman',
  ],
};

/** Phrase index: first word → the phrases (as word lists) that start with it, per frame. */
const INDEX = new Map<string, { frame: Frame; words: readonly string[] }[]>();
for (const [frame, phrases] of Object.entries(FRAME_PHRASES) as [Frame, readonly string[]][]) {
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const list = INDEX.get(words[0]!) ?? [];
    list.push({ frame, words });
    INDEX.set(words[0]!, list);
  }
}

/** Where each frame occurs in a segment: frame → word positions where one of its phrases starts. */
export function findFrames(words: readonly string[]): Map<Frame, number[]> {
  const found = new Map<Frame, number[]>();
  for (let i = 0; i < words.length; i++) {
    for (const { frame, words: phrase } of INDEX.get(words[i]!) ?? []) {
      let ok = true;
      for (let k = 1; k < phrase.length; k++) {
        if (words[i + k] !== phrase[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const positions = found.get(frame) ?? [];
      positions.push(i);
      found.set(frame, positions);
    }
  }
  return found;
}

// Overdose and poisoning stay emergencies however well the person feels (the harm can come hours later).
const STILL_URGENT = /^(?:overdos|od|oded|odd|poison|swallow|took|drank|ate|injected|pills?|tablets?|but|scared|worried|again)$/;

/**
 * True when the segment says the danger is over ("it's stopped already", "I'm ok now", "breathing fine") and
 * nothing in it keeps it urgent (a substance taken, "but scared", "again").
 */
export function saysResolved(words: readonly string[], frames: Map<Frame, number[]> = findFrames(words)): boolean {
  const at = frames.get(Frame.resolved);
  if (!at) return false;
  return !words.some((w) => STILL_URGENT.test(w));
}
