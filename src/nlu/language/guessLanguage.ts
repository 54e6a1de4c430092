/** ISO 639-1 code, 'en', or 'und' when there is nothing to judge (numbers, emoji, punctuation). */
export type LanguageGuess = string;

/** Scripts that identify a language (or a family we answer the same way) on their own. */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\u3040-\u30ff]/u, 'ja'],
  [/[\uac00-\ud7af\u1100-\u11ff]/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/[\u0400-\u04ff]/u, 'ru'],
  [/[\u0600-\u06ff\u0750-\u077f]/u, 'ar'],
  [/[\u0590-\u05ff]/u, 'he'],
  [/[\u0900-\u097f]/u, 'hi'],
  [/[\u0370-\u03ff]/u, 'el'],
  [/[\u0e00-\u0e7f]/u, 'th'],
];

// Frequent words that are NOT also common English words ("a", "no", "me", "come", "son" are left out on purpose).
// Short words that are also given names or surnames ("Mia", "Lo", "Da", "Di") are weak evidence: see WEAK_WEIGHT.
const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'is', 'are', 'and', 'you', 'my', 'i', 'to', 'of', 'it', 'what', 'where', 'how', 'can', 'with', 'for', 'this', 'that', 'have', 'was', 'please', 'order', 'want', 'need', 'help', 'thanks', 'hello', 'hi', 'yes', 'not', 'your', 'be', 'do', "i'm", "don't", 'would', 'like', 'when', 'get'],
  es: ['el', 'los', 'las', 'del', 'que', 'por', 'para', 'una', 'uno', 'es', 'está', 'estoy', 'quiero', 'pedido', 'hola', 'gracias', 'pero', 'muy', 'tengo', 'cómo', 'dónde', 'qué', 'cuándo', 'necesito', 'puedo', 'usted', 'también', 'sí', 'ayuda', 'buenos', 'días', 'señor', 'hay', 'eso', 'esto', 'mis', 'entiendo', 'hablo', 'habla', 'español', 'inglés', 'espanol', 'ingles', 'favor', 'nada', 'bien'],
  pt: ['os', 'da', 'dos', 'das', 'que', 'não', 'uma', 'um', 'é', 'está', 'estou', 'quero', 'pedido', 'olá', 'obrigado', 'obrigada', 'mas', 'muito', 'meu', 'minha', 'tenho', 'como', 'onde', 'quando', 'preciso', 'posso', 'você', 'também', 'sim', 'ajuda', 'bom', 'dia', 'para', 'com', 'sem', 'ao', 'na', 'em'],
  fr: ['le', 'les', 'des', 'du', 'que', 'qui', 'pas', 'une', 'un', 'est', 'suis', 'je', 'veux', 'commande', 'bonjour', 'merci', 'mais', 'très', 'mon', 'ma', 'mes', "j'ai", 'comment', 'où', 'quand', 'besoin', 'peux', 'vous', 'aussi', 'oui', 'aide', 'avec', 'sans', 'pour', 'et', 'il', 'elle', 'ne', 'ce', "c'est", 'au', 'la'],
  de: ['der', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'ich', 'möchte', 'bestellung', 'hallo', 'danke', 'aber', 'sehr', 'mein', 'meine', 'habe', 'wie', 'wann', 'brauche', 'kann', 'sie', 'auch', 'ja', 'hilfe', 'mit', 'ohne', 'für', 'zu', 'dem', 'es', 'guten', 'bitte', 'noch', 'schon', 'wir'],
  it: ['il', 'lo', 'gli', 'della', 'che', 'non', 'una', 'uno', 'è', 'sono', 'voglio', 'ordine', 'ciao', 'grazie', 'molto', 'mio', 'mia', 'ho', 'dove', 'quando', 'bisogno', 'posso', 'lei', 'anche', 'sì', 'aiuto', 'senza', 'buongiorno', 'del', 'di', 'la', 'le', 'ti', 'questo'],
};

const LATIN_LANGS = Object.keys(STOPWORDS).filter((l) => l !== 'en');
/** In a text written like a name, a function word of three letters or fewer counts this much: "Mia Wong" is not Italian. */
const WEAK_WEIGHT = 0.5;
const SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));

/** Letters that English never uses, as evidence for a language. */
const DIACRITICS: ReadonlyMap<string, RegExp> = new Map(Object.entries({
  es: /[ñ¿¡]/u,
  pt: /[ãõ]/u,
  fr: /[œæ]|[çêëîïûù]/u,
  de: /[ßäöü]/u,
  it: /[òì]/u,
}));

/**
 * Guesses the language of a customer message from its script and frequent function words.
 * Defaults to 'en' for Latin text without evidence, and 'und' when there are no letters at all.
 */
export function guessLanguage(text: string): LanguageGuess {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'und';
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin < letters / 2) {
    for (const [pattern, code] of SCRIPTS) if (pattern.test(text)) return code;
    return 'und';
  }
  const written = text.replace(/’/g, "'").match(/[\p{L}']+/gu) ?? [];
  const words = written.map((w) => w.toLowerCase());
  const scores = new Map<string, number>();
  for (const lang of SETS.keys()) scores.set(lang, 0);
  // Every word capitalised ("Mia Wong", "Lo Chen"): most likely a name, whose short words are weak evidence.
  const nameLike = written.length > 0 && written.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
  for (const [i, word] of words.entries()) {
    // A capitalised word after the first is a proper name ("Maria Da Silva"), whatever else it spells (ALL CAPS is not).
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(written[i] ?? '')) continue;
    const weight = nameLike && [...word].length <= 3 ? WEAK_WEIGHT : 1;
    for (const [lang, set] of SETS) if (set.has(word)) scores.set(lang, (scores.get(lang) ?? 0) + (lang === 'en' ? 1 : weight));
  }
  // Names carry their accents ("Björn Müller", "Iñaki Peña"): letters are evidence only outside a name-like text.
  for (const lang of nameLike ? [] : LATIN_LANGS) {
    const mark = DIACRITICS.get(lang);
    if (mark?.test(text)) scores.set(lang, (scores.get(lang) ?? 0) + 1.5);
  }
  const english = scores.get('en') ?? 0;
  let best = 'en';
  let bestScore = 0;
  for (const lang of LATIN_LANGS) {
    const s = scores.get(lang) ?? 0;
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  // One foreign word in an English sentence ("merci, where is my order") is not enough.
  const enough = words.length <= 2 ? bestScore >= 1 : bestScore >= 2;
  return enough && bestScore > english * 1.5 ? best : 'en';
}
