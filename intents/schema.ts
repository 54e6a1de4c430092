import { z } from 'zod';

/** Business domain of an intent; handoff thresholds can differ per domain (healthcare is stricter). */
export const IntentDomain = { general: 'general', commerce: 'commerce', healthcare: 'healthcare', legal: 'legal' } as const;
export type IntentDomain = (typeof IntentDomain)[keyof typeof IntentDomain];

/**
 * How an intent behaves in context: while a task waits for an answer, and beside other requests in one message.
 * - task: starts a task; mid-task it pauses the task, which resumes afterwards.
 * - question: answered in passing (knowledge base); mid-task the task resumes at once.
 * - social: greetings and thanks; answered in passing, never offered as a "which did you mean" choice, and a
 *   request in the same message goes first.
 * - cancel: ends the task (or the wait for a person) the user is in.
 * - help: explains the task the user is in and asks its question again.
 */
export const IntentRole = { task: 'task', question: 'question', social: 'social', cancel: 'cancel', help: 'help' } as const;
export type IntentRole = (typeof IntentRole)[keyof typeof IntentRole];

export const HandoffPriority = { normal: 'normal', high: 'high', urgent: 'urgent' } as const;
export type HandoffPriority = (typeof HandoffPriority)[keyof typeof HandoffPriority];

export const intentSchema = z
  .object({
    /** `domain.action`, e.g. `order.status`. */
    name: z.string().regex(/^[a-z][a-z0-9]*\.[a-z][a-z0-9_]*$/, 'must be domain.action in lower case, e.g. order.status'),
    description: z.string().min(1),
    /** Short, user-facing name of the task ("Track a package"), shown when the bot asks which was meant. */
    label: z.string().min(1).max(60),
    /** Business domain, used for per-domain handoff thresholds. */
    domain: z.enum(['general', 'commerce', 'healthcare', 'legal']),
    /** Id of the dialog that handles it; the main dialog routes on this and nothing else. */
    dialog: z.string().min(1),
    /** A fixed reply for intents whose dialog is `reply` (greeting, thanks…). */
    reply: z.string().min(1).optional(),
    /** True when the intent itself calls for a human (complaints, disputes, clinical questions). */
    escalate: z.boolean(),
    /** True for intents that may interrupt any dialog at any step (help, talk to a human, emergency). */
    interrupts: z.boolean().default(false),
    /** How it behaves in context (mid-task, beside other requests); see IntentRole. */
    role: z.enum(IntentRole).default(IntentRole.task),
    /** Handoff priority when this intent escalates. */
    priority: z.enum(['normal', 'high', 'urgent']).default('normal'),
    /** Below this confidence the bot asks rather than acts. */
    minConfidence: z.number().min(0).max(1),
    utterances: z.array(z.string().trim().min(1)).min(20, 'needs at least 20 training utterances'),
    /** Held-out utterances, never trained on; the regression test holds them to the accuracy target. */
    tests: z.array(z.string().trim().min(1)).min(3, 'needs at least 3 held-out test utterances'),
  })
  .strict()
  .superRefine((intent, ctx) => {
    if (intent.dialog === 'reply' && !intent.reply) {
      ctx.addIssue({ code: 'custom', path: ['reply'], message: 'is required when dialog is "reply"' });
    }
    const training = new Set(intent.utterances.map((u) => u.toLowerCase()));
    for (const t of intent.tests) {
      if (training.has(t.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['tests'], message: `"${t}" is also a training utterance` });
      }
    }
  });

export const corpusFileSchema = z.object({ intents: z.array(intentSchema).min(1) }).strict();

export type IntentDefinition = z.infer<typeof intentSchema>;
export type IntentMetadata = Omit<IntentDefinition, 'utterances' | 'tests'>;

/** Out-of-scope negatives (weather, jokes, other languages…): trained as the `oos` class, `tests` held out. */
export const outOfScopeFileSchema = z
  .object({
    utterances: z.array(z.string().trim().min(1)).min(20, 'needs at least 20 out-of-scope utterances'),
    tests: z.array(z.string().trim().min(1)).min(3, 'needs at least 3 held-out out-of-scope tests'),
  })
  .strict();

export type OutOfScopeExamples = z.infer<typeof outOfScopeFileSchema>;
