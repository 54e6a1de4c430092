/** A message made safe to analyse. */
export interface CleanedText {
  readonly text: string;
  /** True when content was cut to respect the length limit. */
  readonly truncated: boolean;
}

// Raw input beyond this multiple of the limit is never looked at, so cleaning stays linear and cheap.
const RAW_FACTOR = 4;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi overrides and isolates can disguise text; zero-width spaces hide words. ZWJ (emoji sequences) stays.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u00AD]/g;
const HTML_HINT = /<\/?[a-z!][^>]*>|&[a-z#0-9]+;/i;
// A Map, not an object: "&constructor;" must not find an inherited function.
const ENTITIES: ReadonlyMap<string, string> = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }));

/**
 * Cleans a raw chat message: drops control and invisible characters, strips HTML tags and markdown
 * markup, normalises Unicode (NFKC) and whitespace, trims, and truncates to `maxChars`.
 */
export function cleanText(raw: unknown, maxChars: number): CleanedText {
  const input = typeof raw === 'string' ? raw : '';
  const limit = Math.max(1, Math.floor(maxChars));
  const rawLimit = limit * RAW_FACTOR;
  let text = input.length > rawLimit ? input.slice(0, rawLimit) : input;
  let truncated = input.length > rawLimit;

  text = text.replace(/\r\n?/g, '\n').replace(CONTROL, ' ').replace(INVISIBLE, '');
  if (HTML_HINT.test(text)) text = stripHtml(text);
  text = stripMarkdown(text);
  text = text.normalize('NFKC');
  text = text
    .replace(/[ \t\u00A0\u2000-\u200A\u3000]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

  if (text.length > limit) {
    let end = limit;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1; // never split a surrogate pair
    text = text.slice(0, end).trimEnd();
    truncated = true;
  }
  return { text, truncated };
}

function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(?:br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^<>]{0,1000}>/gi, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => decodeEntity(whole, name));
}

function decodeEntity(whole: string, name: string): string {
  const known = ENTITIES.get(name.toLowerCase());
  if (known !== undefined) return known;
  const code = name.startsWith('#x') || name.startsWith('#X') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
  if (!Number.isFinite(code) || code <= 0x1f || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole.startsWith('&#') ? ' ' : whole;
  return String.fromCodePoint(code);
}

function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]\n]{0,500})\]\([^)\s]{0,2000}\)/g, '$1')
    .replace(/\[([^\]\n]{1,500})\]\([^)\s]{0,2000}\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1/g, '$2')
    .replace(/`{1,3}([^`\n]{1,300})`{1,3}/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>+)\s+/gm, '');
}
