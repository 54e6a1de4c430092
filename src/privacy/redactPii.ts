import type { Activity, Attachment, ChannelAccount } from 'botbuilder';
import { loadArticles } from '../domain/knowledge/article';
import { findOrderNumbers } from '../nlu/entities/orderNumbers';

/** The kinds of personal data `redactPii` masks; each becomes the placeholder `[kind]`. */
export const piiKinds = ['email', 'card', 'ssn', 'member_id', 'date', 'phone', 'address', 'postcode', 'name'] as const;
export type PiiKind = (typeof piiKinds)[number];

/** The placeholder text that replaces one detected item of `kind`. */
export const piiPlaceholder = (kind: PiiKind): string => `[${kind}]`;

/** Replaces `value` (an object inside an activity) wholesale. */
export const redactedValue = '[redacted]';

// Every pattern below is built so that the work per start position is bounded by a constant (all
// quantifiers are bounded and adjacent parts cannot match the same characters), and most start with
// a lookbehind so that only the start of a run is tried. This keeps redaction linear in the text length.

const email = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

// 13–19 digits, optionally grouped by single spaces or dashes; kept only when the Luhn check passes.
const cardCandidate = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

const ssnDelimited = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;
const ssnLabelled = /\b(ssn|social security(?: number| no\.?)?)(\s{0,3}(?:is|:|#)?\s{0,3})\d{9}(?!\d)/gi;

const memberIdLabelled =
  /\b((?:member|policy|subscriber|insurance|group|medicare|medicaid)\s{0,3}(?:id|number|no\.?|#)\s{0,3}(?:is\s{1,3}|:\s{0,3}|#\s{0,3})?)([A-Za-z0-9][A-Za-z0-9-]{3,19})(?![A-Za-z0-9])/gi;
const memberIdShaped = /(?<![A-Za-z0-9])(?:[A-Z]{2,3}[- ]?\d{6,12}|[a-z]{2,3}\d{6,12})(?![A-Za-z0-9])/g;

const monthName =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const dateNumeric = /(?<![\d/.-])(?:(\d{4})([-/.])\d{1,2}\2\d{1,2}|\d{1,2}([-/.])\d{1,2}\3(\d{4}|\d{2}))(?![\d/-]|\.\d)/g;
const dateMonthFirst = new RegExp(
  `\\b${monthName}\\.?\\s{1,3}(?:\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s{1,3}(\\d{4}))?|(\\d{4}))(?![A-Za-z0-9])`,
  'gi',
);
const dateDayFirst = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${monthName}\\b\\.?(?:,?\\s{1,3}(\\d{4})(?!\\d))?`,
  'gi',
);
// Words just before a date that make it a date of birth, whatever its year.
const birthContext = /\b(?:born|birth|birthday|bday|b-day|dob|d\.o\.b\.?)\b[^.!?\n]{0,24}$/i;

// Phone numbers: optional +country code, optional (area), then 2–4 groups of digits. The digit count is
// checked in code: 7–15 digits, and plain unseparated runs need 10+ so that short order numbers survive.
const phoneCandidate = /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]?\d{2,5}){1,4}(?![\w])/g;

const streetSuffix =
  '(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|parkway|pkwy|circle|cir|highway|hwy|square|sq)';
// Words that never make up a street name ("8:30 AM EST with Dr. Okafor" is a time and a doctor, not an address).
const notStreetWord = '(?!(?:with|at|am|pm|and|or|to|for|on|in|the|is|are|my|your|a|an|of|by|from|est|edt|cst|cdt|mst|mdt|pst|pdt|utc|gmt|minutes?|mins?|hours?|hrs?|days?|weeks?|items?|dollars?)\\b)';
const streetAddress = new RegExp(
  `(?<![\\d:.,/$])\\b\\d{1,6}[A-Za-z]?\\s{1,3}(?:${notStreetWord}[A-Za-z][A-Za-z'-]{0,24}\\s{1,3}){1,4}${streetSuffix}\\b\\.?(?:,?\\s{0,3}(?:apt|apartment|suite|ste|unit|#)\\.?\\s{0,3}[A-Za-z0-9-]{1,6}(?![A-Za-z0-9]))?`,
  'gi',
);

const zipAfterState = /\b([A-Z]{2}\s{1,3})\d{5}(?:-\d{4})?(?!\d)/g;
const zipPlusFour = /(?<![\d-])\d{5}-\d{4}(?![\d-])/g;
const zipLabelled = /\b((?:zip|postal|post)\s{0,3}(?:code)?\s{0,3}(?:is\s{1,3}|:\s{0,3})?)\d{5}(?:-\d{4})?(?!\d)/gi;
// A ZIP where the words make it one: "I live in 10027", "Springfield, 62704", or a message that is only a ZIP.
const zipInContext = /\b((?:(?:live|living|located|reside|residing|based|staying)\s{1,3}(?:in|at|near)|[A-Z][a-z]{2,20},)\s{1,3})\d{5}(?!\d|-\d)/g;
const zipAlone = /^(\s*)\d{5}(?:-\d{4})?(\s*)$/;
const ukPostcode = /(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[A-Z]{2}(?![A-Za-z0-9])/g;
const caPostcode = /(?<![A-Za-z0-9])[A-Z]\d[A-Z][ -]?\d[A-Z]\d(?![A-Za-z0-9])/g;

// "my name is …" (any case) or "I'm / this is" followed by a capitalised first and last name.
const nameStopWords = new Set(
  'and but or so i im i\'m my me is am are was the a an to for with from at on in of please thanks thank you your here calling about regarding need want have who will would can could not just ok okay hi hello hey and also yes no sure'.split(' '),
);
const nameLabelledStrong = /\b(my\s{1,3}(?:full\s{1,3})?name(?:'s|\s{1,3}is)\s{1,3}|name\s{0,3}:\s{0,3}|i\s{1,3}am\s{1,3}called\s{1,3}|you\s{1,3}can\s{1,3}call\s{1,3}me\s{1,3})((?:[A-Za-z][A-Za-z'’-]{0,30}\s{0,3}){1,3})/gi;
const nameLabelledWeak = /\b((?:i'm|i\s{1,3}am|this\s{1,3}is|it's)\s{1,3})([A-Z][a-z'’-]{1,30}(?:\s{1,3}[A-Z][a-z'’-]{1,30}){1,2})(?![A-Za-z])/gi;

// Spans that look like personal data to the patterns above but are not: they stay as written.
const clockTime = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}[ap]\.?\s?m\b\.?)?|\b\d{1,2}\s{0,2}[ap]\.?m\b\.?/gi;
const price = /[$€£]\s?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?(?!\d)|\b\d{1,7}(?:\.\d{2})?\s?(?:usd|dollars|eur|euros)\b/gi;

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n += 1;
  }
  return n;
}

function looksLikePhone(match: string): boolean {
  const digits = countDigits(match);
  if (digits < 7 || digits > 15) return false;
  const separated = /[ .()+-]/.test(match);
  return separated || digits >= 10;
}

export interface RedactOptions {
  /**
   * Kinds left in clear for this audience (e.g. an agent sees the customer's name). SSNs and card
   * numbers are never left in clear through this option's callers; it only narrows what is masked.
   */
  readonly keep?: readonly PiiKind[];
  /** The current year, to tell a date of birth (an older year) from an order or appointment date. Default: this year. */
  readonly referenceYear?: number;
}

/** A four-digit year from a matched date; a two-digit year is the latest one not after the reference year. */
function fullYear(year: string | undefined, referenceYear: number): number | undefined {
  if (year === undefined) return undefined;
  if (year.length === 4) return Number(year);
  const century = referenceYear - (referenceYear % 100);
  const yy = Number(year);
  return yy <= referenceYear % 100 ? century + yy : century - 100 + yy;
}

/** The addresses and phone numbers the patterns find in a public text. */
function findPublicFacts(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(streetAddress)) found.push(m[0]);
  for (const m of text.matchAll(zipAfterState)) found.push(m[0]);
  for (const m of text.matchAll(phoneCandidate)) if (looksLikePhone(m[0])) found.push(m[0]);
  return found;
}

let publicFacts: readonly string[] | undefined;

/**
 * Public facts that the patterns would take for personal data: the addresses and phone numbers of our
 * own clinics and offices as the knowledge base publishes them (read once), longest first.
 */
export function organisationFacts(): readonly string[] {
  publicFacts ??= [...new Set(loadArticles().flatMap((article) => findPublicFacts(article.body)).map((f) => f.trim()))]
    .filter((f) => f.length >= 5)
    .sort((a, b) => b.length - a.length);
  return publicFacts;
}

let publicPhones: ReadonlySet<string> | undefined;

/** A phone number of our own (any formatting, with or without the country code). */
function isPublicPhone(candidate: string): boolean {
  publicPhones ??= new Set(organisationFacts().filter((fact) => looksLikePhone(fact)).map((fact) => fact.replace(/\D/g, '').slice(-10)));
  return publicPhones.has(candidate.replace(/\D/g, '').slice(-10));
}

// Kept spans are swapped for private-use characters (no letters, digits or punctuation a pattern reads)
// while the patterns run, then put back.
const keptOpen = '\uE000';
const keptClose = '\uE001';
const keptIndex = (i: number) => String.fromCharCode(0xe100 + i);
const keptSpan = /\uE000([\uE100-\uF8FF])\uE001/g;

/** Year groups of each date pattern, in match order. */
const datePatterns: readonly { pattern: RegExp; year: (m: RegExpMatchArray) => string | undefined }[] = [
  { pattern: dateNumeric, year: (m) => m[1] ?? m[4] },
  { pattern: dateDayFirst, year: (m) => m[1] },
  { pattern: dateMonthFirst, year: (m) => m[1] ?? m[2] },
];

/** A date of birth: a year before last year, or words such as "born" or "DOB" just before it. */
function isBirthDate(text: string, start: number, year: string | undefined, referenceYear: number): boolean {
  const y = fullYear(year, referenceYear);
  return (y !== undefined && y < referenceYear - 1) || birthContext.test(text.slice(Math.max(0, start - 40), start));
}

function protect(text: string, referenceYear: number): { text: string; kept: string[] } {
  const spans: { start: number; end: number }[] = [];
  const add = (start: number, end: number) => spans.push({ start, end });
  for (const order of findOrderNumbers(text)) add(order.start, order.end);
  for (const { pattern, year } of datePatterns) {
    for (const m of text.matchAll(pattern)) if (!isBirthDate(text, m.index, year(m), referenceYear)) add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(clockTime)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(price)) add(m.index, m.index + m[0].length);
  const facts = organisationFacts();
  if (facts.length > 0) {
    const lower = text.toLowerCase();
    for (const fact of facts) {
      const needle = fact.toLowerCase();
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) add(at, at + needle.length);
    }
  }
  if (spans.length === 0) return { text, kept: [] };
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: string[] = [];
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor || kept.length >= 0x17ff) continue;
    out += text.slice(cursor, span.start) + keptOpen + keptIndex(kept.length) + keptClose;
    kept.push(text.slice(span.start, span.end));
    cursor = span.end;
  }
  return { text: out + text.slice(cursor), kept };
}

/**
 * Masks personal data in free text: emails, phone numbers, payment cards (Luhn-checked), US SSNs,
 * dates of birth, insurance member ids, street addresses, postcodes and names given as such ("my name
 * is …"). Each match becomes a typed placeholder such as `[email]` or `[phone]`. Order numbers, clock
 * times, prices, other dates and the organisation's own published addresses stay as written.
 * Runs in linear time on long input.
 */
export function redactPii(text: string, options: RedactOptions = {}): string {
  if (text.length === 0) return text;
  const keep = new Set<PiiKind>(options.keep ?? []);
  const mask = (kind: PiiKind, original: string) => (keep.has(kind) ? original : piiPlaceholder(kind));
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const protectedText = protect(text, referenceYear);
  let out = protectedText.text;

  out = out.replace(email, (m) => mask('email', m));
  out = out.replace(cardCandidate, (m) => (luhnValid(m.replace(/[ -]/g, '')) ? piiPlaceholder('card') : m));
  out = out.replace(ssnDelimited, piiPlaceholder('ssn'));
  out = out.replace(ssnLabelled, (_m, label: string, gap: string) => `${label}${gap}${piiPlaceholder('ssn')}`);
  out = out.replace(memberIdLabelled, (m, label: string, id: string) => (/\d/.test(id) ? `${label}${mask('member_id', id)}` : m));
  // Dates that are not dates of birth were kept aside by `protect`: every date left is one.
  out = out.replace(dateNumeric, (m) => mask('date', m));
  out = out.replace(dateDayFirst, (m) => mask('date', m));
  out = out.replace(dateMonthFirst, (m) => mask('date', m));
  out = out.replace(memberIdShaped, (m) => mask('member_id', m));
  out = out.replace(zipPlusFour, (m) => mask('postcode', m));
  out = out.replace(phoneCandidate, (m) => (looksLikePhone(m) && !isPublicPhone(m) ? mask('phone', m) : m));
  out = out.replace(streetAddress, (m) => mask('address', m));
  out = out.replace(zipLabelled, (m, label: string) => `${label}${mask('postcode', m.slice(label.length))}`);
  out = out.replace(zipAfterState, (m, state: string) => `${state}${mask('postcode', m.slice(state.length))}`);
  out = out.replace(zipInContext, (m, label: string) => `${label}${mask('postcode', m.slice(label.length))}`);
  out = out.replace(zipAlone, (m, lead: string, trail: string) => `${lead}${mask('postcode', m.trim())}${trail}`);
  out = out.replace(ukPostcode, (m) => mask('postcode', m));
  out = out.replace(caPostcode, (m) => mask('postcode', m));
  out = out.replace(nameLabelledStrong, (m, label: string, words: string) => maskName(label, words, mask) ?? m);
  out = out.replace(nameLabelledWeak, (m, label: string, words: string) => maskName(label, words, mask) ?? m);
  return protectedText.kept.length === 0 ? out : out.replace(keptSpan, (_m, index: string) => protectedText.kept[index.charCodeAt(0) - 0xe100] ?? '');
}

/** "<label>[name] <rest>": the leading words that are not stop words are the name; undefined when there are none. */
function maskName(label: string, words: string, mask: (kind: PiiKind, original: string) => string): string | undefined {
  const parts = words.split(/(\s+)/);
  let nameEnd = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] ?? '';
    if (word === '' || nameStopWords.has(word.toLowerCase())) break;
    nameEnd = i + 1;
  }
  if (nameEnd === 0) return undefined;
  const name = parts.slice(0, nameEnd).join('');
  return `${label}${mask('name', name)}${parts.slice(nameEnd).join('')}`;
}

const maxDepth = 16;

/** Deep copy of a JSON-like value; when `redact` is set every string goes through `redactPii`. */
function copyDeep(value: unknown, redact: boolean, depth = 0): unknown {
  if (typeof value === 'string') return redact ? redactPii(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (depth >= maxDepth) return redactedValue;
  if (Array.isArray(value)) return value.map((v: unknown) => copyDeep(v, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Defined, not assigned: `out['__proto__'] = …` (an own key of any parsed JSON body) would replace the
    // copy's prototype instead of copying the key, and its content would be inherited, not kept or redacted.
    Object.defineProperty(out, k, { value: copyDeep(v, redact, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function redactAccount<T extends Partial<ChannelAccount> | undefined>(account: T): T {
  if (!account || typeof account.name !== 'string' || account.name.length === 0) return account;
  // The bot's own name is not personal data; everyone else's is.
  if (account.role === 'bot') return account;
  return { ...account, name: piiPlaceholder('name') };
}

function redactAttachmentContent(content: unknown, depth: number): unknown {
  // A Transcript attachment (handoff.initiate) carries whole activities: redact them as activities so
  // that their ids and timestamps stay intact.
  if (isRecord(content) && Array.isArray(content.activities) && depth < 2) {
    return {
      ...(copyDeep(content, true) as Record<string, unknown>),
      activities: content.activities.map((a: unknown) =>
        isRecord(a) ? redactActivityAt(a as Partial<Activity>, depth + 1) : copyDeep(a, true),
      ),
    };
  }
  return copyDeep(content, true);
}

function redactAttachment(attachment: Attachment, depth: number): Attachment {
  const copy = copyDeep(attachment, false) as Attachment;
  if (attachment.content !== undefined) copy.content = redactAttachmentContent(attachment.content, depth);
  if (typeof copy.name === 'string') copy.name = redactPii(copy.name);
  return copy;
}

function redactActivityAt<T extends Partial<Activity>>(activity: T, depth: number): T {
  const copy = copyDeep(activity, false) as T;
  if (typeof copy.text === 'string') copy.text = redactPii(copy.text);
  if (typeof copy.speak === 'string') copy.speak = redactPii(copy.speak);
  if (typeof copy.summary === 'string') copy.summary = redactPii(copy.summary);
  if (typeof copy.value === 'string') copy.value = redactPii(copy.value);
  else if (copy.value !== null && typeof copy.value === 'object') copy.value = redactedValue;
  if (Array.isArray(activity.attachments)) copy.attachments = activity.attachments.map((a) => redactAttachment(a, depth));
  // Entities (mentions, places, client info) are not needed downstream; keep only their type.
  if (Array.isArray(activity.entities)) copy.entities = activity.entities.map((e) => ({ type: e.type }));
  if (activity.channelData !== undefined) copy.channelData = copyDeep(activity.channelData, true);
  copy.from = redactAccount(copy.from);
  copy.recipient = redactAccount(copy.recipient);
  return copy;
}

/**
 * A redacted deep copy of an activity, as stored for agents and logs: text, speak, summary and
 * string values go through `redactPii`; an object `value` becomes `[redacted]`; attachments' content
 * is redacted string by string (a Transcript attachment's activities are redacted as activities);
 * entities keep only their type; the user's name (`from.name`, `recipient.name`, unless the role is
 * `bot`) becomes `[name]`. Ids, timestamps and addressing are kept. The input is not modified.
 */
export function redactActivity<T extends Partial<Activity>>(activity: T): T {
  return redactActivityAt(activity, 0);
}
