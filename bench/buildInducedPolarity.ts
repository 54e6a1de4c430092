/**
 * npm run sentiment:induce [-- --out <file>]
 * Writes intents/vectors/induced-polarity.json: sentiment scores for words the lexicon lacks, spread from
 * the lexicon's words to their nearest neighbours in the shipped word vectors (see inducePolarity). Rerun
 * after changing the lexicon or the vectors; a unit test checks the file matches both.
 */
import { writeFileSync } from 'node:fs';
import { LEXICON_WORDS } from '../src/nlu/sentiment/analyzeSentiment';
import { defaultPolarityInduction, inducePolarity } from '../src/nlu/sentiment/inducePolarity';
import { inducedPolarityFile, lexiconHash, type InducedPolarityJson } from '../src/nlu/sentiment/inducedPolarityTable';
import { sentimentModifierWords } from '../src/nlu/sentiment/lexicon';
import { shippedWordVectors } from '../src/nlu/vectors/wordVectors';

function main(): void {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 ? process.argv[i + 1] : inducedPolarityFile;
  if (!out) throw new Error('--out needs a file');
  const vectors = shippedWordVectors();
  const started = performance.now();
  const words = inducePolarity(vectors, LEXICON_WORDS, sentimentModifierWords());
  const seconds = (performance.now() - started) / 1000;
  const sorted = Object.fromEntries([...words].sort(([a], [b]) => (a < b ? -1 : 1)));
  const json: InducedPolarityJson = { vectors: vectors.hash, lexicon: lexiconHash(LEXICON_WORDS), options: { ...defaultPolarityInduction }, words: sorted };
  writeFileSync(out, `${JSON.stringify(json, null, 0)}\n`);
  const negative = [...words.values()].filter((s) => s < 0).length;
  console.log(`${words.size} words induced (${negative} negative, ${words.size - negative} positive) in ${seconds.toFixed(1)} s → ${out}`);
}

main();
