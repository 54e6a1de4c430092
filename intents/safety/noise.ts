/** The ways people mistype a message; applied alike to crisis rows and look-alikes so noise never tells them apart. */
export const NOISES: readonly ((text: string, random: () => number) => string)[] = [
  (text) => text.toLowerCase().replace(/[.,!?;:'’]/g, ''),
  (text) => text.toUpperCase(),
  typo,
  (text, random) => `${text} ${['😭', '🙏', '😢', '😂', '👍', '😰', '💔', '🆘', '😩', '🤦'][Math.floor(random() * 10)]!}`,
  textSpeak,
  (text) => text.replace(/['’]/g, ''),
  (text) => `${text}!!!`,
];

/** Drops, doubles or swaps a letter of one longer word ("seizure" → "siezure"). */
function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (w.length >= 5 ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const index = candidates[Math.floor(random() * candidates.length)]!;
  const word = words[index]!;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const edits = [
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + word.charAt(at) + word.slice(at),
    word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2),
  ];
  words[index] = edits[Math.floor(random() * edits.length)]!;
  return words.join(' ');
}

function textSpeak(text: string): string {
  return text
    .replace(/\byou\b/gi, 'u')
    .replace(/\bare\b/gi, 'r')
    .replace(/\bI'm\b/gi, 'im')
    .replace(/\bbecause\b/gi, 'bc')
    .replace(/\bplease\b/gi, 'pls')
    .replace(/\bdon't\b/gi, 'dont');
}
