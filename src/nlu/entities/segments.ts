/** A slice of the message [start, end). */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts text into pieces of at most `maxLength` characters, preferring sentence ends, then spaces, so
 * that parsers whose cost grows faster than linearly (chrono) run on bounded pieces.
 */
export function segments(text: string, maxLength = 240): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + maxLength);
    if (end < text.length) {
      const window = text.slice(start, end);
      const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '), window.lastIndexOf('\n'));
      const space = window.lastIndexOf(' ');
      const cut = sentence > maxLength / 2 ? sentence + 1 : space > maxLength / 2 ? space : -1;
      if (cut > 0) end = start + cut;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}
