import type { QueueAnnouncement } from './handoffStore';

export interface WaitEstimateInput {
  /** 1-based place in the queue. */
  readonly position: number;
  readonly agentsOnline: number;
  /** Recent handle durations in milliseconds. */
  readonly handleTimesMs: readonly number[];
  /** Assumed handle time while there is little or no history. */
  readonly defaultHandleSeconds: number;
}

export interface WaitEstimate {
  readonly position: number;
  readonly etaSeconds: number;
  readonly avgHandleSeconds: number;
  /** How many real handle times went into the average. */
  readonly samples: number;
}

/** The default counts as this many samples, so one unusually short or long chat cannot swing the estimate. */
const priorWeight = 3;

/**
 * An honest wait estimate: the queue ahead is served by the agents online, one average handle time
 * per round. eta ≈ ceil(position / max(1, agentsOnline)) × avgHandle.
 */
export function estimateWait(input: WaitEstimateInput): WaitEstimate {
  const samples = input.handleTimesMs.filter((ms) => Number.isFinite(ms) && ms >= 0);
  const sumSeconds = samples.reduce((sum, ms) => sum + ms / 1000, 0);
  const avgHandleSeconds = (sumSeconds + priorWeight * input.defaultHandleSeconds) / (samples.length + priorWeight);
  const rounds = Math.ceil(Math.max(1, input.position) / Math.max(1, input.agentsOnline));
  return {
    position: input.position,
    etaSeconds: Math.round(rounds * avgHandleSeconds),
    avgHandleSeconds: Math.round(avgHandleSeconds),
    samples: samples.length,
  };
}

/** The wait as the customer reads it; also what "changed materially" is judged on. */
export function etaMinutes(etaSeconds: number): number {
  return Math.round(etaSeconds / 60);
}

/** "less than a minute", "about 1 minute", "about 25 minutes", "about 2 hours". */
export function describeWait(etaSeconds: number): string {
  const minutes = etaMinutes(etaSeconds);
  if (etaSeconds < 60 || minutes < 1) return 'less than a minute';
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 30) / 2;
  return `about ${hours} hours`;
}

/** The customer-facing queue status line. */
export function describeQueuePlace(estimate: Pick<WaitEstimate, 'position' | 'etaSeconds'>): string {
  const place = estimate.position <= 1 ? "You're next in line." : `You're number ${estimate.position} in line.`;
  return `${place} The estimated wait is ${describeWait(estimate.etaSeconds)}.`;
}

export interface NotifyOptions {
  /** Never tell the customer more often than this. */
  readonly minIntervalSeconds: number;
}

/**
 * True when the queue status changed enough to tell the customer again: the first announcement,
 * becoming next in line, a move of 2+ places, or a displayed wait that moved by 2+ minutes or 25%+,
 * and never more than once per `minIntervalSeconds`.
 */
export function shouldNotify(
  previous: QueueAnnouncement | null | undefined,
  current: { readonly position: number; readonly etaSeconds: number },
  now: number,
  options: NotifyOptions,
): boolean {
  if (!previous) return true;
  if (now - Date.parse(previous.at) < options.minIntervalSeconds * 1000) return false;
  if (current.position === 1 && previous.position > 1) return true;
  if (Math.abs(current.position - previous.position) >= 2) return true;
  const before = etaMinutes(previous.etaSeconds);
  const after = etaMinutes(current.etaSeconds);
  const delta = Math.abs(after - before);
  if (delta >= 2) return true;
  return delta >= 1 && (before === 0 || delta / before >= 0.25);
}
