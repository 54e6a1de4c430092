import { createHash } from 'node:crypto';
import { buildCorpus } from './corpus';
import { normalizeWords, windowHashes } from './features';

/**
 * sha256 of what `npm run train:safety` reads from this repository for a seed: every template and intent-corpus row
 * of the corpus and the features the featurizer makes of it. `model.json` records it, so a test can tell when the
 * templates, the intent corpus or the featurizer changed after the last training (the model is then stale, and
 * retraining would not give the committed file). The shared datasets are outside the repository and not included.
 */
export function sourcesFingerprint(seed: number): string {
  const hash = createHash('sha256');
  for (const row of buildCorpus({ seed })) {
    hash.update(`${row.label}\t${row.kind ?? ''}\t${row.text}\t${windowHashes(normalizeWords(row.text)).join(',')}\n`);
  }
  return hash.digest('hex');
}
