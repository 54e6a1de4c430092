const words: ReadonlyMap<string, number> = new Map(Object.entries({ one: 1, two: 2, three: 3, four: 4, five: 5 }));

/** Reads a 1-5 rating from "4", "4/5", "four", "⭐⭐⭐⭐" or "4 stars"; undefined for anything else. */
export function parseCsat(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const stars = [...trimmed].filter((c) => c === '⭐' || c === '★').length;
  if (stars >= 1 && stars <= 5 && trimmed.replace(/[⭐★\s]/gu, '') === '') return stars;
  const match = /^(?:(\d)(?:\s*(?:\/\s*5|stars?|out of 5))?|(one|two|three|four|five)(?:\s+stars?)?)[.!]?$/.exec(trimmed);
  const value = match?.[1] !== undefined ? Number(match[1]) : match?.[2] !== undefined ? words.get(match[2]) : undefined;
  return value !== undefined && value >= 1 && value <= 5 ? value : undefined;
}
