import type { IntentEvaluation } from './evaluateIntentSystem';

const pct = (v: number | null): string => (v === null ? '   n/a' : `${(100 * v).toFixed(1).padStart(5)}%`);

/** Human-readable lines for one intent evaluation (stdout). */
export function formatIntentEvaluation(e: Omit<IntentEvaluation, 'predictions' | 'rejectionScores'>, peakRssMb: number): string {
  const lines = [
    `accuracy          ${pct(e.accuracy)}   (${e.examples} examples)`,
    `macro-F1          ${pct(e.macroF1)}`,
    `in-scope accuracy ${pct(e.inScopeAccuracy)}   (top-ranked intent, no rejection: ${pct(e.rankedFirstAccuracy)})`,
    `OOS recall        ${pct(e.oosRecall)}`,
    `OOS precision     ${pct(e.oosPrecision)}`,
    `latency p50/p99   ${e.latencyP50Ms.toFixed(3)} / ${e.latencyP99Ms.toFixed(3)} ms per utterance (CPU time p99 ${e.cpuLatencyP99Ms.toFixed(3)} ms)`,
    `training          ${e.trainSeconds.toFixed(1)} s wall, ${e.trainCpuSeconds.toFixed(1)} s CPU, on ${e.trainExamples} examples`,
    `model size        ${e.modelBytes === null ? 'n/a' : `${(e.modelBytes / 1e6).toFixed(1)} MB (JSON)`}`,
    `peak memory       ${peakRssMb.toFixed(0)} MB RSS`,
  ];
  if (e.topConfusions.length > 0) {
    lines.push('top confusions (gold → predicted):');
    for (const c of e.topConfusions) lines.push(`  ${String(c.count).padStart(4)}  ${c.gold} → ${c.predicted}`);
  }
  return lines.join('\n');
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
