import { PorterStemmer } from 'natural/lib/natural/stemmers';

// Function words plus chat filler ("hi", "please", "want") that say nothing about the topic.
const stopwords = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can cannot could did do does doing done during each few for from further get gets getting got had has have having he
  her here hers him his how i i'd i'm i've if in into is it it's its itself just me might more most much must my
  myself no nor not now of off on once only or other our ours out over own please same she should so some such than
  that that's the their theirs them then there these they this those through to too under until up us very was we
  were what what's when where which while who whom why will with would you you're your yours yourself hi hello hey
  thanks thank ok okay want wanted wanting need needs like know tell let lets guys anyone someone something
  dont don't doesnt doesn't im ive id u ur pls plz`
    .split(/\s+/)
    .filter(Boolean),
);

// Irregular forms Porter leaves apart from their base ("kept" never meets "keep").
const irregular: ReadonlyMap<string, string> = new Map(
  Object.entries({
    kept: 'keep', paid: 'pay', sent: 'send', took: 'take', taken: 'take', bought: 'buy', brought: 'bring', gave: 'give',
    given: 'give', went: 'go', gone: 'go', came: 'come', left: 'leave', lost: 'lose', made: 'make', saw: 'see', seen: 'see',
    told: 'tell', spent: 'spend', sold: 'sell', held: 'hold', found: 'find', met: 'meet', ran: 'run', wrote: 'write',
    written: 'write', chose: 'choose', chosen: 'choose', children: 'child', kids: 'child', kid: 'child',
    // Time adverbs Porter keeps apart from their noun ("monthli" never meets "month").
    hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year',
  }),
);

/** Lower-case word tokens (letters, digits, inner apostrophes); no stopword removal. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

export function isStopword(token: string): boolean {
  return stopwords.has(token);
}

/** The retrieval term of one (non-stopword) token: its base form, Porter-stemmed. */
export function termOf(token: string): string {
  const bare = token.replace(/'s$/, '');
  return PorterStemmer.stem(irregular.get(bare) ?? bare);
}

/** Content terms for retrieval and overlap checks: tokens minus stopwords, Porter-stemmed. */
export function analyze(text: string): string[] {
  return tokenize(text)
    .filter((token) => !stopwords.has(token))
    .map(termOf);
}
