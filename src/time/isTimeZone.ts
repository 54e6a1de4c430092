const known = new Map<string, boolean>();

/**
 * True when `zone` is an IANA time zone this runtime knows. Memoised, because building an
 * Intl.DateTimeFormat to find out costs about a tenth of a millisecond and runs on every turn.
 */
export function isTimeZone(zone: string): boolean {
  let answer = known.get(zone);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      answer = true;
    } catch {
      answer = false;
    }
    if (known.size < 1000) known.set(zone, answer);
  }
  return answer;
}
