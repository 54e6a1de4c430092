/**
 * The crisis model's featurizer, shared by training (`npm run train:safety`) and the detector at run time, so the
 * two can never drift apart. It normalises spelling and text-speak, splits a message into short windows, and turns
 * a window into hashed sparse features: words, word pairs, character n-grams, and "frame" features that say who the
 * message is about, when it happened, whether it is negated, asked about, about a product, a story, a lawsuit, or a
 * routine medication or supply request.
 */

/** Words longer than this are pasted junk, not language; they are cut so featurizing stays linear. */
const MAX_WORD = 24;
/** Most words in one window; longer sentences are read as overlapping windows of this size. */
export const WINDOW_WORDS = 32;
const WINDOW_STRIDE = 16;

// Text-speak and contractions, mapped to one spelling so "cant", "can't" and "cannot" read alike.
const CANONICAL: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    u: ['you'], ur: ['your'], r: ['are'], ya: ['you'], pls: ['please'], plz: ['please'], plese: ['please'],
    rn: ['right', 'now'], rite: ['right'], nw: ['now'], tn: ['tonight'], tonite: ['tonight'], '2nite': ['tonight'], '2night': ['tonight'],
    wanna: ['want', 'to'], gonna: ['going', 'to'], gotta: ['got', 'to'], gunna: ['going', 'to'], tryna: ['trying', 'to'],
    cant: ['can', 'not'], cannot: ['can', 'not'], cnt: ['can', 'not'], wont: ['will', 'not'], dont: ['do', 'not'], doesnt: ['does', 'not'],
    didnt: ['did', 'not'], isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'], havent: ['have', 'not'],
    hasnt: ['has', 'not'], hadnt: ['had', 'not'], couldnt: ['could', 'not'], shouldnt: ['should', 'not'], wouldnt: ['would', 'not'],
    aint: ['is', 'not'], im: ['i', 'am'], ive: ['i', 'have'], hes: ['he', 'is'], shes: ['she', 'is'],
    its: ['it', 'is'], thats: ['that', 'is'], theres: ['there', 'is'], whats: ['what', 'is'], theyre: ['they', 'are'],
    youre: ['you', 'are'], lets: ['let', 'us'], kms: ['kill', 'myself'], kys: ['kill', 'yourself'], unalive: ['kill'], od: ['overdose'],
    oded: ['overdosed'], idk: ['i', 'do', 'not', 'know'], bc: ['because'], cuz: ['because'], cos: ['because'],
    ppl: ['people'], bf: ['boyfriend'], gf: ['girlfriend'], mum: ['mom'], mommy: ['mom'], daddy: ['dad'], bby: ['baby'], abt: ['about'],
    w: ['with'], wit: ['with'], b4: ['before'], '2day': ['today'], thru: ['through'], tho: ['though'], rly: ['really'], srsly: ['seriously'],
    breath: ['breathe'], breating: ['breathe'], breathing: ['breathing'], brething: ['breathing'], omg: ['oh', 'my', 'god'], asap: ['now'],
  }),
);

// Key words people often misspell; a word within one edit of one of these (and at least 5 letters) reads as it.
const KEY_WORDS = [
  'suicide', 'suicidal', 'overdose', 'overdosed', 'overdosing', 'seizure', 'seizures', 'seizing', 'breathe', 'breathing', 'bleeding',
  'unconscious', 'unresponsive', 'anaphylaxis', 'anaphylactic', 'allergic', 'swallowed', 'swelling', 'swollen', 'choking', 'poison',
  'poisoned', 'pregnant', 'contractions', 'collapsed', 'convulsing', 'myself', 'yourself', 'himself', 'herself', 'kill', 'killing', 'chest',
  'stroke', 'drooping', 'slurring', 'slurred', 'attack', 'threatening', 'threatened', 'hitting', 'strangled', 'choked', 'stabbed',
  'gasping', 'wheezing', 'inhaler', 'epipen', 'ambulance', 'emergency', 'tonight', 'anymore', 'pills', 'tablets', 'bottle', 'breathless',
  'dying', 'please', 'bleach', 'detergent', 'battery', 'medication', 'prescription', 'refill', 'pharmacy', 'hurting', 'cutting', 'throat',
  'tongue', 'headache', 'numbness', 'weakness', 'vomiting', 'coughing', 'shaking', 'twitching', 'miscarriage', 'waters', 'labour', 'labor',
];

const EMOJI_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '💀': 'emoji_skull', '☠': 'emoji_skull', '😂': 'emoji_laugh', '🤣': 'emoji_laugh', '😭': 'emoji_cry', '😢': 'emoji_cry', '🔪': 'emoji_knife',
    '🔫': 'emoji_gun', '💊': 'emoji_pill', '🩸': 'emoji_blood', '🚑': 'emoji_ambulance', '🆘': 'emoji_sos', '😵': 'emoji_dizzy',
    '🙂': 'emoji_smile', '😊': 'emoji_smile', '😀': 'emoji_smile', '👍': 'emoji_ok', '🙏': 'emoji_please', '😡': 'emoji_angry', '🤬': 'emoji_angry',
    '💔': 'emoji_heartbreak', '❤': 'emoji_heart', '😩': 'emoji_tired', '😫': 'emoji_tired', '😱': 'emoji_scream', '🥵': 'emoji_hot', '🔥': 'emoji_fire',
  }),
);

// Frame lexicons: each names a kind of context that changes what the crisis words mean.
const LEX = {
  self: ['i', 'me', 'my', 'myself', 'mine', 'we', 'us', 'our'],
  other: ['he', 'she', 'him', 'her', 'his', 'they', 'them', 'son', 'daughter', 'baby', 'toddler', 'child', 'kid', 'husband', 'wife', 'partner',
    'mom', 'dad', 'mother', 'father', 'friend', 'roommate', 'brother', 'sister', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'someone',
    'somebody', 'neighbor', 'neighbour', 'coworker', 'boyfriend', 'girlfriend', 'man', 'woman', 'guy', 'infant', 'newborn', 'patient', 'customer'],
  now: ['now', 'right', 'currently', 'still', 'just', 'tonight', 'today', 'minutes', 'keeps', 'keep', 'suddenly', 'started', 'happening',
    'help', 'hurry', 'emergency', 'ambulance', '911', 'please', 'anymore', 'again'],
  past: ['ago', 'last', 'years', 'yrs', 'decade', 'decades', 'history', 'diagnosed', 'previous', 'previously', 'former', 'formerly', 'back',
    'used', 'recovered', 'recovering', 'recovery', 'survivor', 'survived', 'anniversary', 'childhood', 'teenager', 'teen', 'college', '2010',
    '2012', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', 'since', 'rehab', 'once', 'passed', 'died', 'funeral'],
  negation: ['no', 'not', 'never', 'without', 'nor', 'none', 'denies', 'deny', 'nothing', 'neither', 'fine', 'okay', 'ok'],
  question: ['is', 'are', 'does', 'do', 'can', 'could', 'how', 'what', 'which', 'when', 'where', 'should', 'would', 'covered', 'cover',
    'coverage', 'insurance', 'plan', 'cost', 'signs', 'symptoms', 'sign', 'learn', 'info', 'information', 'explain', 'difference', 'normal', 'usually'],
  product: ['order', 'ordered', 'buy', 'bought', 'purchase', 'price', 'refund', 'return', 'returned', 'shipping', 'shipped', 'delivery',
    'delivered', 'package', 'item', 'product', 'cart', 'checkout', 'discount', 'coupon', 'sale', 'stock', 'burger', 'menu', 'restaurant',
    'brand', 'model', 'size', 'color', 'warranty', 'review', 'store', 'seller', 'invoice', 'receipt', 'subscription', 'account', 'charged', 'bill', 'billing'],
  fiction: ['novel', 'story', 'book', 'character', 'movie', 'film', 'show', 'episode', 'series', 'game', 'song', 'lyrics', 'essay', 'paper',
    'class', 'course', 'training', 'exam', 'lecture', 'homework', 'assignment', 'study', 'studying', 'project', 'podcast', 'article', 'news',
    'documentary', 'report', 'research', 'writing', 'script', 'play', 'scene', 'fiction', 'chapter', 'certification', 'cpr', 'drill', 'simulation'],
  legal: ['lawyer', 'attorney', 'sue', 'suing', 'lawsuit', 'case', 'claim', 'court', 'legal', 'settlement', 'malpractice', 'negligence',
    'compensation', 'deposition', 'trial', 'restraining', 'custody', 'witness', 'police', 'report', 'filed', 'file', 'consultation', 'incident'],
  supply: ['refill', 'refills', 'refilled', 'prescription', 'prescriptions', 'pharmacy', 'pharmacist', 'pickup', 'pick', 'renew', 'renewal',
    'supply', 'out', 'low', 'running', 'ran', 'almost', 'finished', 'left', 'more', 'order', 'send', 'cvs', 'walgreens', 'rite', 'mail', 'ready',
    'dose', 'dosage', 'mg', 'ml', 'daily', 'twice', 'schedule', 'appointment', 'copay', 'generic', 'brand', 'strips', 'needles', 'lancets',
    'cartridges', 'pens', 'pods', 'sensor', 'sensors', 'cgm', 'pump', 'monitor', 'cuff', 'spacer', 'nebulizer', 'machine', 'cpap'],
  medication: ['pill', 'pills', 'meds', 'med', 'medication', 'medications', 'medicine', 'medicines', 'tablets', 'tablet', 'capsules', 'inhaler',
    'insulin', 'epipen', 'epipens', 'sertraline', 'zoloft', 'lisinopril', 'metformin', 'atorvastatin', 'lipitor', 'amlodipine', 'levothyroxine',
    'synthroid', 'omeprazole', 'albuterol', 'ventolin', 'gabapentin', 'losartan', 'escitalopram', 'lexapro', 'fluoxetine', 'prozac', 'bupropion',
    'wellbutrin', 'trazodone', 'prednisone', 'amoxicillin', 'warfarin', 'eliquis', 'xarelto', 'ozempic', 'adderall', 'metoprolol', 'hydrochlorothiazide',
    'simvastatin', 'montelukast', 'singulair', 'symbicort', 'advair', 'flonase', 'zyrtec', 'claritin', 'allegra', 'citalopram', 'duloxetine', 'cymbalta',
    'venlafaxine', 'lamotrigine', 'lamictal', 'keppra', 'levetiracetam', 'lithium', 'seroquel', 'quetiapine', 'abilify', 'xanax', 'alprazolam', 'ativan',
    'lorazepam', 'klonopin', 'clonazepam', 'ambien', 'zolpidem', 'melatonin', 'tylenol', 'acetaminophen', 'advil', 'ibuprofen', 'motrin', 'aleve',
    'naproxen', 'aspirin', 'oxycodone', 'hydrocodone', 'tramadol', 'vicodin', 'percocet', 'lantus', 'humalog', 'novolog', 'jardiance', 'farxiga',
    'trulicity', 'mounjaro', 'plavix', 'clopidogrel', 'furosemide', 'lasix', 'spironolactone', 'carvedilol', 'propranolol', 'pantoprazole', 'nexium',
    'birth', 'control', 'contraceptive', 'estradiol', 'progesterone', 'thyroid', 'statin', 'antidepressant', 'antidepressants', 'antibiotic',
    'antibiotics', 'vitamins', 'vitamin', 'prenatal', 'blood', 'pressure', 'cholesterol', 'diabetes', 'asthma', 'allergy', 'anxiety', 'depression',
    'adhd', 'sleeping', 'cream', 'ointment', 'drops', 'patch', 'patches', 'spray', 'nitro', 'nitroglycerin', 'narcan', 'naloxone', 'suboxone'],
} as const;

type Frame = keyof typeof LEX;
const FRAME_OF: ReadonlyMap<string, readonly Frame[]> = (() => {
  const map = new Map<string, Frame[]>();
  for (const [frame, words] of Object.entries(LEX) as [Frame, readonly string[]][]) {
    for (const word of words) map.set(word, [...(map.get(word) ?? []), frame]);
  }
  return map;
})();
// Frames crossed with every word of the window, so the model can learn "stroke" after "years ago" apart from "stroke" now.
const CROSSED: readonly Frame[] = ['past', 'negation', 'question', 'product', 'fiction', 'legal', 'supply', 'other'];

const fuzzyIndex: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const word of KEY_WORDS) {
    for (const key of deletionKeys(word)) map.set(key, [...(map.get(key) ?? []), word]);
  }
  return map;
})();
const keyWordSet = new Set(KEY_WORDS);

function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** The key word a misspelt word stands for (one insertion, deletion, substitution or swap away), or the word itself. */
function correct(word: string): string {
  if (word.length < 5 || keyWordSet.has(word) || CANONICAL.has(word) || FRAME_OF.has(word)) return word;
  const candidates = new Set<string>();
  for (const key of deletionKeys(word)) for (const c of fuzzyIndex.get(key) ?? []) candidates.add(c);
  // Deletion keys over-accept two-edit pairs; keep only true one-edit neighbours, and only when unambiguous.
  const close = [...candidates].filter((c) => withinOneEdit(word, c));
  return close.length === 1 ? close[0]! : word;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Collapses letters repeated three times or more ("pleeeease" → "please", "heeelp" → "help"). */
function squeeze(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Normalised words of one piece of text: lower case, no apostrophes, text-speak expanded, key words spell-corrected. */
export function normalizeWords(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/[’']/g, '');
  for (const m of lower.matchAll(/[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu)) {
    let raw = m[0];
    const emoji = EMOJI_WORDS.get(raw);
    if (emoji !== undefined) {
      out.push(emoji);
      continue;
    }
    if (/\p{Extended_Pictographic}/u.test(raw)) {
      out.push('emoji');
      continue;
    }
    if (raw.length > MAX_WORD) raw = raw.slice(0, MAX_WORD);
    const word = squeeze(raw);
    const canonical = CANONICAL.get(word);
    if (canonical) out.push(...canonical);
    else out.push(correct(word));
  }
  return out;
}

/** Splits a message into sentences (at . ! ? ; and line breaks); "3.5" or "e.g." do not split. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|(?<=[.!?])(?=[A-Z])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(s));
}

/** One window of a message: its normalised words, and whether one of its sentences ends with a question mark. */
export interface Window {
  readonly words: readonly string[];
  readonly asked: boolean;
}

/**
 * The windows a message is scored on: each sentence and each pair of neighbouring sentences, as normalised words,
 * with long sentences cut into overlapping windows. The number of windows grows linearly with the message.
 */
export function messageWindows(text: string, maxSentences = 400): Window[] {
  const sentences = splitSentences(text)
    .slice(0, maxSentences)
    .map((s) => ({ words: normalizeWords(s), asked: /\?\s*$/.test(s) }))
    .filter((s) => s.words.length > 0);
  const windows: Window[] = [];
  sentences.forEach((s, i) => {
    if (s.words.length <= WINDOW_WORDS) windows.push(s);
    else {
      for (let start = 0; start < s.words.length; start += WINDOW_STRIDE) {
        windows.push({ words: s.words.slice(start, start + WINDOW_WORDS), asked: s.asked });
        if (start + WINDOW_WORDS >= s.words.length) break;
      }
    }
    const next = sentences[i + 1];
    if (next && s.words.length + next.words.length <= WINDOW_WORDS) windows.push({ words: [...s.words, ...next.words], asked: s.asked || next.asked });
  });
  return windows;
}

/** 32-bit FNV-1a hash of a feature name. */
export function hashFeature(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Names of the frames present in a window of words (for features and for tests). */
export function framesOf(words: readonly string[], rawEndsWithQuestion = false): Set<Frame | 'ask'> {
  const frames = new Set<Frame | 'ask'>();
  for (const w of words) for (const f of FRAME_OF.get(w) ?? []) frames.add(f);
  // A question is asked when the window opens with a question word or ends with a question mark.
  const first = words[0];
  if (rawEndsWithQuestion || (first !== undefined && /^(is|are|does|do|can|could|how|what|which|when|where|should|would|will|who|why)$/.test(first))) frames.add('ask');
  return frames;
}

/**
 * Feature names of one window (words already normalised): word unigrams, bigrams and trigrams, character 3- to
 * 5-grams inside each word, frames, pairs of frames, and selected frames crossed with each word.
 */
export function windowFeatures(words: readonly string[], asked = false): string[] {
  const f: string[] = ['bias'];
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    f.push(`w:${w}`);
    if (i + 1 < n) f.push(`b:${w} ${words[i + 1]!}`);
    if (i + 2 < n) f.push(`t:${w} ${words[i + 1]!} ${words[i + 2]!}`);
    if (i + 2 < n) f.push(`s:${w} _ ${words[i + 2]!}`);
    if (w.length >= 4 && !w.startsWith('emoji')) {
      const padded = `<${w}>`;
      for (let k = 3; k <= 5; k++) for (let j = 0; j + k <= padded.length; j++) f.push(`c:${padded.slice(j, j + k)}`);
    }
  }
  const frames = [...framesOf(words, asked)].sort();
  for (const a of frames) {
    f.push(`F:${a}`);
    for (const b of frames) if (a < b) f.push(`FF:${a}&${b}`);
  }
  for (const frame of CROSSED) {
    if (!frames.includes(frame)) continue;
    for (const w of words) if (!FRAME_OF.has(w)) f.push(`X:${frame}:${w}`);
  }
  if (frames.includes('ask')) for (const w of words) if (!FRAME_OF.has(w)) f.push(`X:ask:${w}`);
  f.push(`len:${Math.min(8, Math.floor(n / 3))}`);
  return f;
}

/** Bucket indices of a window's features in a table of `2^bits` weights. */
export function hashedWindow(words: readonly string[], bits: number, asked = false): number[] {
  const mask = (1 << bits) - 1;
  return windowFeatures(words, asked).map((name) => hashFeature(name) & mask);
}

