// Every table here is a Map: a plain object would answer "constructor" or "toString" with an
// inherited function, and user words are looked up in them.

/** Builds a word table from a literal. */
const table = (entries: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(entries));

/**
 * Customer-service adjustments to the AFINN lexicon shipped with the `sentiment` package.
 * Request words ("help", "please", "like", "cancel") are neutral here: in a support chat they carry no mood.
 */
export const WORD_OVERRIDES: ReadonlyMap<string, number> = table({
  help: 0, please: 0, like: 0, want: 0, kind: 0, care: 0, free: 0, pretty: 0, support: 0, true: 0, legal: 0,
  justice: 0, no: 0, yes: 0, yeah: 0, cancel: 0, pay: 0, sorry: 0, ok: 0, okay: 0, fine: 1, lol: 1, joke: -1,
  charged: -1, charges: -1, accept: 0, accepted: 0, agree: 0, vote: 0, well: 0, wondering: 0, wonder: 0,
  useless: -3, ridiculous: -3, unacceptable: -3, worst: -3, pathetic: -3, incompetent: -3, unhelpful: -2,
  rude: -3, garbage: -3, trash: -2, scam: -3, ripoff: -3, overcharged: -3, disgraceful: -3, disgusting: -3,
  shameful: -3, absurd: -3, clueless: -2, lied: -3, liar: -3, lies: -2, smh: -2, ugh: -2, seriously: -1,
  delayed: -2, delay: -1, late: -1, slow: -1, missing: -2, broken: -2, damaged: -2, wrong: -2, ignored: -2,
  frustrated: -3, frustrating: -3, annoyed: -2, annoying: -2, furious: -4, livid: -4, infuriating: -4,
  disappointing: -2, disappointed: -2, ridiculously: -2, nonsense: -2, horrendous: -3, appalling: -3,
  ridic: -2, bs: -3, wtf: -4, ffs: -3, sucks: -3, unreliable: -2, stuck: -2, forever: -1, nightmare: -3,
  thanks: 2, thx: 2, ty: 2, appreciated: 2, resolved: 2, sorted: 1, fixed: 1, helpful: 2, amazing: 3,
});

/** Multi-word expressions, scored as a whole (their words are not scored again). */
export const PHRASES: ReadonlyMap<string, number> = table({
  'waste of time': -3, 'waste of money': -3, 'waste of my time': -3, 'still waiting': -2, 'still not': -2,
  "still haven't": -2, 'still have not': -2, 'still no': -2, 'never arrived': -3, 'never received': -3,
  'never got': -2, 'never came': -3, 'not arrived': -2, "hasn't arrived": -2, "didn't arrive": -2, 'did not arrive': -2,
  'not delivered': -2, "wasn't delivered": -2, 'been waiting': -1, "haven't heard back": -2, 'no update': -1, 'never showed up': -3, "haven't received": -2, 'have not received': -2,
  'not received': -2, 'refund now': -3, 'money back': -2, 'fed up': -3, 'sick of': -3, 'sick and tired': -3,
  'had enough': -2, 'rip off': -3, 'charged twice': -3, 'double charged': -3, 'no response': -2,
  'no reply': -2, 'no one': -1, 'hung up': -2, 'on hold': -1, 'this is a joke': -3, 'what a joke': -3,
  'nothing works': -3, "doesn't work": -2, 'does not work': -2, "didn't work": -2, 'not working': -2,
  'stopped working': -2, 'never works': -3, "don't like": -2, 'do not like': -2, "didn't like": -2,
  "didn't help": -2, "doesn't help": -2, 'no help': -2, 'not helpful': -2, 'thanks for nothing': -3,
  'no problem': 2, 'not a problem': 2, 'no worries': 2, 'no thanks': 0, 'no thank you': 0, 'never mind': 0,
  'thank you': 2, 'i like': 2, 'we like': 2, 'that helps': 2, 'that helped': 2, 'you helped': 2,
  'great job': 3, 'well done': 3, 'works now': 2, 'good job': 3, 'not bad': 1, 'not too bad': 1,
  'you guys rock': 3, 'worst experience': -4, 'what the hell': -3, 'what the heck': -2,
});

/** Emoji scores; the rest come from the `sentiment` package's emoji table. */
export const EMOJI_OVERRIDES: ReadonlyMap<string, number> = table({
  '😡': -3, '🤬': -4, '😤': -3, '😠': -3, '👎': -3, '😒': -2, '🙄': -2, '😩': -2, '😫': -2, '💩': -2,
  '🙂': 2, '😊': 3, '👍': 2, '🙏': 2, '😀': 2, '😃': 2, '😁': 2, '❤': 3, '💯': 2, '✅': 1,
});

/** Words that flip the polarity of the next few words. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nor', 'without', 'hardly', 'cannot', 'cant', "can't", 'dont', "don't", 'doesnt', "doesn't",
  'didnt', "didn't", 'isnt', "isn't", 'wasnt', "wasn't", 'arent', "aren't", 'werent', "weren't", 'wont', "won't",
  'wouldnt', "wouldn't", 'couldnt', "couldn't", 'shouldnt', "shouldn't", 'havent', "haven't", 'hasnt', "hasn't",
  'hadnt', "hadn't", 'aint', "ain't",
]);

/** Multipliers for the word that follows ("very" strengthens, "slightly" weakens). */
export const INTENSIFIERS: ReadonlyMap<string, number> = table({
  very: 1.5, really: 1.4, so: 1.3, extremely: 1.8, super: 1.5, totally: 1.5, absolutely: 1.6, incredibly: 1.7,
  completely: 1.6, utterly: 1.7, too: 1.3, truly: 1.4, highly: 1.4, insanely: 1.7, beyond: 1.5, most: 1.3,
  such: 1.3, quite: 1.2, damn: 1.4, freaking: 1.5, fucking: 1.6,
  slightly: 0.5, somewhat: 0.6, kinda: 0.6, 'kind of': 0.6, little: 0.6, bit: 0.6,
});

/** Upper-case words that are names, not shouting. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'ID', 'DOB', 'USA', 'UK', 'EU', 'FAQ', 'PDF', 'UPS', 'USPS', 'DHL', 'FEDEX', 'SMS', 'API', 'URL', 'ETA', 'CEO',
  'TV', 'ATM', 'PIN', 'SSN', 'HMO', 'PPO', 'DMV', 'IRS', 'ICU', 'EMT', 'ER', 'GP', 'MRI', 'CT', 'PM', 'AM', 'EST',
  'PST', 'CST', 'MST', 'UTC', 'GMT', 'NYC', 'LA', 'SF', 'TD', 'VIP', 'IT', 'HR', 'PPE', 'COVID', 'ASAP', 'OK',
  'RSVP', 'FYI', 'BTW', 'LLC', 'INC', 'CVV', 'IBAN', 'SWIFT', 'VAT', 'QR', 'USB', 'HDMI', 'LED', 'CPR', 'AED',
]);

/** Words that modify their neighbours' scores (negators, intensifiers) and so never get a score of their own. */
export function sentimentModifierWords(): ReadonlySet<string> {
  return new Set([...NEGATORS, ...[...INTENSIFIERS.keys()].filter((k) => !k.includes(' '))]);
}
