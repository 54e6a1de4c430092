import { withinOneEdit } from '../../src/nlu/emergency/phraseMatcher';

/**
 * The crisis model's featurizer, shared by training (`npm run train:safety`) and the detector at run time, so the
 * two can never drift apart. It normalises spelling and text-speak, splits a message into short windows, and turns
 * a window into hashed sparse features: words, word pairs, character n-grams, and "frame" features that say who the
 * message is about, when it happened, whether it is negated, asked about, about a product, a story, a lawsuit, or a
 * routine medication or supply request.
 */

/** Words longer than this are pasted junk, not language; they are cut so featurizing stays linear. */
const MAX_WORD = 24;
/** Most distinct words kept in each per-word cache before it is emptied. */
const WORD_CACHE_LIMIT = 50_000;
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

// Concepts: many words for one idea, so the model learns "cut … wrists" and "razor … thighs" as one pattern, and a
// synonym it never saw in training still lands on weights it learnt.
const CONCEPTS: Readonly<Record<string, string>> = {
  kill: 'kill killing killed die dying dead death suicide suicidal unalive end ending ended',
  harm: 'cut cuts cutting razor razors blade blades lighter burned burning burn scratch scratching wrist wrists thigh thighs arms harm harming hurting hurt punish',
  life: 'life living live alive exist existing existence anymore wake waking around',
  hopeless: 'hopeless pointless point burden worthless tired done goodbye future peace disappear numb empty trapped',
  plan: 'plan planning planned decided ready date note letters letter goodbye rope gun bridge jump jumping hang hanging ledge roof tracks garage engine insurance',
  ingest: 'took take taken taking swallowed swallow ate eaten eat drank drink drunk chewed overdose overdosed overdosing poison poisoned poisoning doubling double doubled gave ingested',
  substance: 'pills pill tablets tablet meds medication medicine capsules bleach detergent battery batteries chemical chemicals antifreeze iron alcohol vodka cleaner chlorine pesticide methadone heroin fentanyl opioids paracetamol acetaminophen tylenol ibuprofen advil aspirin sweets gummies edible edibles vape patches',
  amount: 'whole bottle all bunch handful many entire dozen dozens lot lots too extra twice half empty',
  chest: 'chest breastbone sternum heart ribs',
  pain: 'pain pains hurts ache aches aching pressure tight tightness heavy heaviness crushing squeezing burning sore stabbing sharp cramping cramps agony',
  radiate: 'arm arms jaw shoulder neck back spreading radiating radiates',
  sweat: 'sweating sweaty sweat clammy pale grey gray nausea nauseous vomiting',
  faint: 'faint fainted fainting collapsed collapse unconscious unresponsive blackout blacked dizzy limp floppy responding responsive',
  breath: 'breathe breathing breath air gasping gasp wheezing wheeze choking choke choked suffocating whistling blue lips inhaler nebulizer puffer',
  neuro: 'face droop drooping droopy slurred slurring speech words numb numbness weakness weak confused confusion gibberish vision drooling crooked lopsided',
  seize: 'seizure seizures seizing convulsing convulsions shaking twitching jerking fit fitting stiff rolling',
  allergy: 'allergic allergy epipen epi hives swelling swollen throat tongue peanut peanuts nuts nut sting stung sesame shellfish anaphylaxis anaphylactic',
  bleed: 'bleeding bleed bled blood bloody soaked soaking gushing spurting clots wound gash stitches haemorrhage hemorrhage',
  preg: 'pregnant pregnancy weeks wks labour labor contractions waters kicks kicking movement movements bump miscarriage miscarrying postpartum midwife',
  violence: 'hit hitting beat beating beaten punched punch choked strangled threatened threatening threat attacked attacking stabbed stab shot shoot gun knife weapon bat abuse abusive abusing followed following stalking breaking assaulted kicked slapped pushed threw',
  danger: 'missing drowning drowned fire trapped locked wandering wandered alone fell fall lost highway freezing snow',
  urgent: 'now right help please emergency ambulance 911 hurry quickly suddenly sudden worse worsening',
  nonstop: 'stop stopping keeps keep constant nonstop still again',
  severe: 'severe bad badly worst really so very heavily extreme unbearable terrible awful huge',
  child: 'baby babies toddler son daughter child children kid kids infant newborn grandson granddaughter nephew niece yo',
  person: 'husband wife mom dad mother father partner friend brother sister grandma grandpa grandmother grandfather roommate neighbor neighbour boyfriend girlfriend ex he she him her man woman someone somebody',
};
const CONCEPT_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(CONCEPTS)) for (const w of words.split(' ')) map.set(w, [...(map.get(w) ?? []), concept]);
  return map;
})();

// Words that make a crisis of a message of a few words ("cant breathe", "heart attack", "he has a gun"); a short
// message without one (a form answer: "none", "in two weeks", "back pain", a name) is never scored.
const CUE_WORDS: ReadonlySet<string> = new Set(
  ('kill killing killed die dying dead death suicide suicidal kms overdose overdosed overdosing poison poisoned poisoning swallowed ' +
    'bleach breathe breathing choking choke choked gasping suffocating heart attack stroke seizure seizures seizing convulsing ' +
    'unconscious unresponsive collapsed fainted bleeding bleed blood cut cutting harm hurting allergic anaphylaxis anaphylactic epipen ' +
    'swelling swollen pregnant labour labor contractions miscarriage miscarrying moving gun knife stabbed shot shooting shooter attacked ' +
    'attacking beating hitting raped rape abused abusing drowning fire emergency ambulance 911 sos emoji_sos emoji_ambulance emoji_knife ' +
    'emoji_gun emoji_pill emoji_blood numb drooping slurred slurring dizzy faint chest blue responding responsive breath breathless wheezing pulse cpr threatening threatened strangled').split(' '),
);
// "send help", "get help now": help as a call for rescue, not the help menu.
const HELP_VERBS: ReadonlySet<string> = new Set(['send', 'get', 'call', 'sos']);

/** Whether a window names a crisis outright; a message of a few words without one is never a crisis. */
export function hasCrisisCue(words: readonly string[]): boolean {
  if (words.includes('help') && words.some((w) => HELP_VERBS.has(w))) return true;
  return words.some((w) => CUE_WORDS.has(w));
}

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
    let normal = normalCache.get(raw);
    if (!normal) {
      const word = squeeze(raw);
      normal = CANONICAL.get(word) ?? [correct(word)];
      if (normalCache.size >= WORD_CACHE_LIMIT) normalCache.clear();
      normalCache.set(raw, normal);
    }
    out.push(...normal);
  }
  return out;
}

// Spelling correction repeats for the same words; the cache is emptied when it grows past its bound.
const normalCache = new Map<string, readonly string[]>();

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
  /** Indices (into `splitSentences(text)`) of the first and last sentence the window covers. */
  readonly first: number;
  readonly last: number;
}

/**
 * The windows a message is scored on: each sentence and each pair of neighbouring sentences, as normalised words,
 * with long sentences cut into overlapping windows. The number of windows grows linearly with the message (the
 * pipeline caps its length first, MAX_MESSAGE_CHARS).
 */
export function messageWindows(text: string | readonly string[]): Window[] {
  const sentences = (typeof text === 'string' ? splitSentences(text) : text)
    .map((s, index) => ({ words: normalizeWords(s), asked: /\?\s*$/.test(s), first: index, last: index }))
    .filter((s) => s.words.length > 0);
  const windows: Window[] = [];
  const cut = (s: Window, size: number, stride: number): void => {
    for (let start = 0; start < s.words.length; start += stride) {
      windows.push({ ...s, words: s.words.slice(start, start + size) });
      if (start + size >= s.words.length) break;
    }
  };
  sentences.forEach((s, i) => {
    if (s.words.length <= WINDOW_WORDS) windows.push(s);
    else cut(s, WINDOW_WORDS, WINDOW_STRIDE);
    const next = sentences[i + 1];
    if (next && s.words.length + next.words.length <= WINDOW_WORDS) windows.push({ words: [...s.words, ...next.words], asked: s.asked || next.asked, first: s.first, last: next.last });
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

/** Mixes two 32-bit hashes (and a salt naming the feature family) into one; the murmur3 finaliser spreads the bits. */
function mix(a: number, b: number, salt: number): number {
  let h = Math.imul(a ^ salt, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Per-word hashes (the word itself and its character n-grams) repeat across windows and messages; they are cached,
// and the cache is emptied when it grows past its bound so memory stays flat whatever the traffic.
const wordCache = new Map<string, { word: number; chars: number[] }>();

function wordHashes(w: string): { word: number; chars: number[] } {
  let entry = wordCache.get(w);
  if (entry) return entry;
  const chars: number[] = [];
  if (w.length >= 4 && !w.startsWith('emoji')) {
    const padded = `<${w}>`;
    for (let k = 3; k <= 5; k++) for (let j = 0; j + k <= padded.length; j++) chars.push(hashFeature(`c:${padded.slice(j, j + k)}`));
  }
  entry = { word: hashFeature(`w:${w}`), chars };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(w, entry);
  return entry;
}

const FAMILY = { bigram: 1, trigram: 2, skip: 3, cross: 4 } as const;
const BIAS = hashFeature('bias');
const frameHash = new Map<string, number>();
function hashOfName(name: string): number {
  let h = frameHash.get(name);
  if (h === undefined) {
    h = hashFeature(name);
    frameHash.set(name, h);
  }
  return h;
}

/**
 * Hashed features of one window (words already normalised): word unigrams, bigrams, trigrams and skip-bigrams,
 * character 3- to 5-grams inside each word, frames, pairs of frames, selected frames crossed with each word, and a
 * length bucket. Returns 32-bit hashes; the model masks them to its table size.
 */
export function windowHashes(words: readonly string[], asked = false): number[] {
  const out: number[] = [BIAS];
  const n = words.length;
  const wh = words.map(wordHashes);
  for (let i = 0; i < n; i++) {
    const h = wh[i]!;
    out.push(h.word);
    if (i + 1 < n) out.push(mix(h.word, wh[i + 1]!.word, FAMILY.bigram));
    if (i + 2 < n) {
      out.push(mix(mix(h.word, wh[i + 1]!.word, FAMILY.trigram), wh[i + 2]!.word, FAMILY.trigram));
      out.push(mix(h.word, wh[i + 2]!.word, FAMILY.skip));
    }
    for (const c of h.chars) out.push(c);
  }
  const frames = [...framesOf(words, asked)].sort();
  for (const a of frames) {
    out.push(hashOfName(`F:${a}`));
    for (const b of frames) if (a < b) out.push(hashOfName(`FF:${a}&${b}`));
  }
  for (const frame of [...CROSSED, 'ask' as const]) {
    if (!frames.includes(frame)) continue;
    const fh = hashOfName(`X:${frame}`);
    for (let i = 0; i < n; i++) if (!FRAME_OF.has(words[i]!)) out.push(mix(fh, wh[i]!.word, FAMILY.cross));
  }
  // Concepts in order: each concept, each pair of consecutive concepts, and concepts crossed with the frames.
  const seq: string[] = [];
  for (const w of words) {
    const cs = CONCEPT_OF.get(w) ?? (/^\d+$/.test(w) ? ['number'] : undefined);
    if (cs) for (const c of cs) seq.push(c);
  }
  for (let i = 0; i < seq.length; i++) {
    out.push(hashOfName(`K:${seq[i]!}`));
    if (i + 1 < seq.length) out.push(hashOfName(`KK:${seq[i]!}>${seq[i + 1]!}`));
    for (const frame of frames) out.push(hashOfName(`KF:${frame}:${seq[i]!}`));
  }
  const present = [...new Set(seq)].sort();
  for (const a of present) for (const b of present) if (a < b) out.push(hashOfName(`KP:${a}&${b}`));
  out.push(hashOfName(`len:${Math.min(8, Math.floor(n / 3))}`));
  // Binary features: a word repeated forty times counts once, so padding never outweighs one crisis phrase.
  return [...new Set(out)];
}
