/**
 * npm run eval:paraphrases [-- --vector-weight <w>]
 * The corpus intent model on messages written with words the corpus never uses (test/nlu/intent/paraphrases.ts),
 * beside the corpus's held-out tests and the borderline replies that word vectors once tipped into an intent.
 * `--vector-weight 0` (default) is the live model, without word vectors; a positive weight trains the same
 * model with the shipped vectors as a dense block of that weight. `--bridge <cosine>` (an experiment, not in the
 * bot) rewrites each word the training utterances never use to its nearest training word in the vector table
 * when they are at least that close, before the live model classifies.
 */
import { loadCorpus, loadOutOfScope } from '../intents/loadCorpus';
import { corpusClassifierOptions, corpusTrainingExamples, trainIntentClassifier } from '../src/nlu/intent';
import { TextFeaturizer } from '../src/nlu/intent/textFeatures';
import { IntentDecision } from '../src/nlu/types';
import { shippedWordVectors, type WordVectors } from '../src/nlu/vectors/wordVectors';
import { paraphrases } from '../test/nlu/intent/paraphrases';

/** Replies to a bot question that must not read as a clear request. */
const borderline = ['skip', 'not sure', 'maria lopez', 'john', 'i dont know', 'maybe later'];

/** Rewrites unseen words to their nearest seen word (cosine ≥ minCosine); a message with none comes back unchanged. */
function vocabularyBridge(seenTexts: readonly string[], vectors: WordVectors, minCosine: number): (text: string) => string {
  const featurizer = new TextFeaturizer();
  const seen = new Set(seenTexts.flatMap((t) => featurizer.tokenize(t)));
  const targets = [...seen].filter((w) => vectors.rowOf(w) >= 0).map((w) => ({ w, u: vectors.unitVector(vectors.rowOf(w)) }));
  const nearest = (word: string): string => {
    const row = vectors.rowOf(word);
    if (seen.has(word) || row < 0) return word;
    const q = vectors.unitVector(row);
    let best = { w: word, cosine: minCosine };
    for (const t of targets) {
      const cosine = t.u.reduce((sum, x, d) => sum + x * q[d]!, 0);
      if (cosine >= best.cosine) best = { w: t.w, cosine };
    }
    return best.w;
  };
  return (text) => {
    const words = featurizer.tokenize(text);
    const bridged = words.map(nearest);
    return bridged.some((w, i) => w !== words[i]) ? bridged.join(' ') : text;
  };
}

function main(): void {
  const at = process.argv.indexOf('--vector-weight');
  const weight = at >= 0 ? Number(process.argv[at + 1]) : 0;
  if (!Number.isFinite(weight) || weight < 0) throw new Error('--vector-weight must be a number ≥ 0');
  const bridgeAt = process.argv.indexOf('--bridge');
  const bridgeCosine = bridgeAt >= 0 ? Number(process.argv[bridgeAt + 1]) : null;
  if (bridgeCosine !== null && !(bridgeCosine > 0 && bridgeCosine <= 1)) throw new Error('--bridge must be a cosine in (0, 1]');
  const corpus = loadCorpus();
  const outOfScope = loadOutOfScope();
  const defaults = corpusClassifierOptions(corpus);
  const space = defaults.space!;
  const started = performance.now();
  const model = trainIntentClassifier(corpusTrainingExamples(corpus, outOfScope), {
    ...defaults,
    ...(weight > 0 ? { wordVectors: shippedWordVectors(), space: { ...space, blockWeight: { ...space.blockWeight, v: weight } } } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const training = [...corpus.intents.flatMap((i) => i.utterances), ...outOfScope.utterances];
  const bridge = bridgeCosine === null ? (text: string) => text : vocabularyBridge(training, shippedWordVectors(), bridgeCosine);
  const classifier = { classify: (text: string) => model.classify(bridge(text)) };
  const share = (hits: number, n: number): string => `${hits}/${n} (${((100 * hits) / n).toFixed(1)}%)`;

  const paraphraseHits = paraphrases.filter((p) => classifier.classify(p.text).intent === p.intent).length;
  const tests = corpus.intents.flatMap((i) => i.tests.map((text) => ({ text, intent: i.name })));
  const testHits = tests.filter((t) => classifier.classify(t.text).intent === t.intent).length;
  const rejected = outOfScope.tests.filter((t) => classifier.classify(t).decision === IntentDecision.outOfScope).length;
  const bridged = bridgeCosine === null ? '' : `, unseen words bridged at cosine ≥ ${bridgeCosine}`;
  console.log(`corpus model, word vectors ${weight > 0 ? `at weight ${weight}` : 'off'}${bridged} (trained in ${seconds.toFixed(1)} s)`);
  console.log(`  paraphrases ${share(paraphraseHits, paraphrases.length)}`);
  console.log(`  held-out tests ${share(testHits, tests.length)}, out-of-scope tests rejected ${share(rejected, outOfScope.tests.length)}`);
  for (const p of paraphrases) {
    const got = classifier.classify(p.text);
    if (got.intent !== p.intent) console.log(`  miss: "${p.text}" → ${got.intent ?? 'none'} (${got.decision}), expected ${p.intent}`);
  }
  for (const text of borderline) {
    const got = classifier.classify(text);
    console.log(`  borderline "${text}" → ${got.intent ?? 'none'} ${got.decision} ${got.confidence.toFixed(2)}`);
  }
}

main();
