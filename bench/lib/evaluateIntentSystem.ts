import { OUT_OF_SCOPE_LABEL, type RejectionScores, type TrainingExample } from '../../src/nlu/intent';
import { intentMetrics, type IntentMetrics } from './intentMetrics';
import type { IntentSystem } from './intentSystem';
import type { IntentRow } from './jsonlDataset';
import { percentile } from './load';
import { Progress } from './progress';

export interface IntentEvaluation extends IntentMetrics {
  readonly system: string;
  /** Accuracy of the top-ranked intent on in-scope rows, before any out-of-scope or ambiguity rule. */
  readonly rankedFirstAccuracy: number | null;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** CPU time per call (p99): what a call costs when it has a core to itself, whatever else runs on the machine. */
  readonly cpuLatencyP99Ms: number;
  readonly trainSeconds: number;
  /** CPU time of training (user + system); differs from trainSeconds when other processes share the cores. */
  readonly trainCpuSeconds: number;
  readonly modelBytes: number | null;
  readonly trainExamples: number;
  readonly model: Record<string, unknown>;
  /** The answer (or `oos`) per evaluated example, in order. */
  readonly predictions: readonly string[];
  /** Out-of-scope scores per evaluated example, when the system exposes them. */
  readonly rejectionScores: readonly RejectionScores[] | null;
}

/**
 * Trains `system` on `train`, then classifies every `evaluation` row once, timing each call. A row with an
 * `opening` turn gets as active task the system's own answer to that turn (none when it said out of scope).
 */
export async function evaluateIntentSystem(
  system: IntentSystem,
  train: readonly TrainingExample[],
  rows: readonly IntentRow[],
): Promise<IntentEvaluation> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  await system.train(train);
  const trainSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const trainCpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Warm the JIT on training texts so latency percentiles describe a running service, not a cold start.
  for (const row of train.slice(0, 300)) await system.predict(row.text);
  const evaluation: TrainingExample[] = [];
  for (const { opening, ...row } of rows) {
    if (opening === undefined || !row.context) {
      evaluation.push(row);
      continue;
    }
    const answer = (await system.predict(opening)).label;
    evaluation.push({ ...row, context: { ...row.context, activeIntent: answer === OUT_OF_SCOPE_LABEL ? null : answer } });
  }
  const gold: string[] = [];
  const predicted: string[] = [];
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  let ranked = 0;
  let rankedRight = 0;
  const progress = new Progress(`${system.name} classify`, evaluation.length);
  for (const [i, row] of evaluation.entries()) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const p = await system.predict(row.text, row.context);
    latencies.push(performance.now() - t0);
    const cpuSpent = process.cpuUsage(cpu0);
    cpuLatencies.push((cpuSpent.user + cpuSpent.system) / 1000);
    const g = row.intent;
    gold.push(g);
    predicted.push(p.label);
    if (g !== OUT_OF_SCOPE_LABEL && p.rankedFirst !== null) {
      ranked++;
      if (p.rankedFirst === g) rankedRight++;
    }
    progress.tick(i + 1);
  }
  progress.done();
  latencies.sort((a, b) => a - b);
  cpuLatencies.sort((a, b) => a - b);
  const rejectionScores = system.rejectionScores ? evaluation.map((row) => system.rejectionScores!(row.text, row.context)) : null;
  return {
    system: system.name,
    ...intentMetrics(gold, predicted, OUT_OF_SCOPE_LABEL),
    rankedFirstAccuracy: ranked > 0 ? rankedRight / ranked : null,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    cpuLatencyP99Ms: percentile(cpuLatencies, 99),
    trainSeconds,
    trainCpuSeconds,
    modelBytes: system.modelBytes(),
    trainExamples: train.length,
    model: system.describe(),
    predictions: predicted,
    rejectionScores,
  };
}
