import { decodeEncryptionKey, type AppConfig } from '../config';
import type { Logger } from '../observability/logger';
import { AesGcmSealer, type TextSealer } from './textSealer';

/**
 * The sealer for the words as written in transcripts, from TRANSCRIPT_ENCRYPTION_KEY. Without a key:
 * in memory mode a key of this process (the transcripts die with the process anyway, so nothing is
 * lost); with shared state (Redis) nothing is kept in clear at all, because a per-process key would leave data no
 * other process and no restart could read. Both cases are logged at start-up.
 */
export function createTranscriptSealer(
  config: Pick<AppConfig, 'TRANSCRIPT_ENCRYPTION_KEY'>,
  state: { readonly shared: boolean },
  logger: Logger,
): TextSealer | undefined {
  const key = config.TRANSCRIPT_ENCRYPTION_KEY === undefined ? undefined : decodeEncryptionKey(config.TRANSCRIPT_ENCRYPTION_KEY);
  if (key) return new AesGcmSealer(key);
  if (!state.shared) {
    logger.warn('TRANSCRIPT_ENCRYPTION_KEY is unset: transcripts are sealed with a key of this process (memory mode only); set it before using Redis.');
    return AesGcmSealer.ephemeral();
  }
  logger.warn('TRANSCRIPT_ENCRYPTION_KEY is unset: only redacted transcripts are kept, so supervisors, clinicians and agents see them redacted.');
  return undefined;
}
