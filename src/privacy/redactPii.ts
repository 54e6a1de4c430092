import type { Activity, Attachment, ChannelAccount } from 'botbuilder';

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
const dateNumeric = /(?<![\d/.-])(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:\d{4}|\d{2}))(?![\d/-]|\.\d)/g;
const dateMonthFirst = new RegExp(
  `\\b${monthName}\\.?\\s{1,3}(?:\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s{1,3}\\d{4})?|\\d{4})(?![A-Za-z0-9])`,
  'gi',
);
const dateDayFirst = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${monthName}\\b\\.?(?:,?\\s{1,3}\\d{4}(?!\\d))?`,
  'gi',
);

// Phone numbers: optional +country code, optional (area), then 2–4 groups of digits. The digit count is
// checked in code: 7–15 digits, and plain unseparated runs need 10+ so that short order numbers survive.
const phoneCandidate = /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]?\d{2,5}){1,4}(?![\w])/g;

const streetSuffix =
  '(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|parkway|pkwy|circle|cir|highway|hwy|square|sq)';
const streetAddress = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?\\s{1,3}(?:[A-Za-z][A-Za-z'-]{0,24}\\s{1,3}){1,4}${streetSuffix}\\b\\.?(?:,?\\s{0,3}(?:apt|apartment|suite|ste|unit|#)\\.?\\s{0,3}[A-Za-z0-9-]{1,6}(?![A-Za-z0-9]))?`,
  'gi',
);

const zipAfterState = /\b([A-Z]{2}\s{1,3})\d{5}(?:-\d{4})?(?!\d)/g;
const zipPlusFour = /(?<![\d-])\d{5}-\d{4}(?![\d-])/g;
const zipLabelled = /\b((?:zip|postal|post)\s{0,3}(?:code)?\s{0,3}(?:is\s{1,3}|:\s{0,3})?)\d{5}(?:-\d{4})?(?!\d)/gi;
const ukPostcode = /(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[A-Z]{2}(?![A-Za-z0-9])/g;
const caPostcode = /(?<![A-Za-z0-9])[A-Z]\d[A-Z][ -]?\d[A-Z]\d(?![A-Za-z0-9])/g;

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

/**
 * Masks personal data in free text: emails, phone numbers, payment cards (Luhn-checked), US SSNs,
 * dates (including dates of birth), insurance member ids, street addresses and postcodes. Each match
 * becomes a typed placeholder such as `[email]` or `[phone]`. Runs in linear time on long input.
 */
export function redactPii(text: string): string {
  if (text.length === 0) return text;
  let out = text.replace(email, piiPlaceholder('email'));
  out = out.replace(cardCandidate, (m) => (luhnValid(m.replace(/[ -]/g, '')) ? piiPlaceholder('card') : m));
  out = out.replace(ssnDelimited, piiPlaceholder('ssn'));
  out = out.replace(ssnLabelled, (_m, label: string, gap: string) => `${label}${gap}${piiPlaceholder('ssn')}`);
  out = out.replace(memberIdLabelled, (m, label: string, id: string) =>
    /\d/.test(id) ? `${label}${piiPlaceholder('member_id')}` : m,
  );
  out = out.replace(dateNumeric, piiPlaceholder('date'));
  out = out.replace(dateDayFirst, piiPlaceholder('date'));
  out = out.replace(dateMonthFirst, piiPlaceholder('date'));
  out = out.replace(memberIdShaped, piiPlaceholder('member_id'));
  out = out.replace(zipPlusFour, piiPlaceholder('postcode'));
  out = out.replace(phoneCandidate, (m) => (looksLikePhone(m) ? piiPlaceholder('phone') : m));
  out = out.replace(streetAddress, piiPlaceholder('address'));
  out = out.replace(zipLabelled, (_m, label: string) => `${label}${piiPlaceholder('postcode')}`);
  out = out.replace(zipAfterState, (_m, state: string) => `${state}${piiPlaceholder('postcode')}`);
  out = out.replace(ukPostcode, piiPlaceholder('postcode'));
  out = out.replace(caPostcode, piiPlaceholder('postcode'));
  return out;
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
  for (const [k, v] of Object.entries(value)) out[k] = copyDeep(v, redact, depth + 1);
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
