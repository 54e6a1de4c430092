/**
 * The one registry of Redis key names. Every key is `<prefix>:v<version>:…`; keys that belong to one
 * conversation carry the hash tag `{conv:<id>}` so multi-key scripts also run on Redis Cluster.
 * Bump `keyVersion` when a stored shape changes incompatibly.
 */
export const keyVersion = 1;

export function createKeyRegistry(prefix: string) {
  const root = `${prefix}:v${keyVersion}`;
  const conv = (conversationId: string) => `${root}:{conv:${conversationId}}`;
  return {
    root,
    /** Prefix for scanning/cleaning everything this registry owns. */
    pattern: `${root}:*`,
    conversation: conv,
    // Bot state (botbuilder Storage). Storage keys are opaque strings chosen by botbuilder.
    botState: (storageKey: string) => `${root}:state:${storageKey}`,
    transcript: (channelId: string, conversationId: string) => `${conv(conversationId)}:transcript:${channelId}`,
    transcriptIndex: (channelId: string) => `${root}:transcripts:${channelId}`,
    conversationReference: (conversationId: string) => `${conv(conversationId)}:ref`,
    dedupe: (key: string) => `${root}:dedupe:${key}`,
    lock: (conversationId: string) => `${conv(conversationId)}:lock`,
  };
}

export type KeyRegistry = ReturnType<typeof createKeyRegistry>;
