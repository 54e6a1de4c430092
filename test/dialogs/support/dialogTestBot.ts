import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import type { BotWiring } from '../../../src/bot/createTandemBot';
import type { StateBackend } from '../../../src/storage/ports';
import { createDomainServices, type DomainServices } from '../../../src/domain/createDomainServices';
import { createTestBot, RecordingHandoffGateway, type TestBot } from '../../support/testBot';
import { TestClock } from '../../support/testClock';

/** One exchange: what the user says, what the bot's replies (joined) must match, and what they must not. */
export type Step = readonly [user: string, expected: RegExp, forbidden?: RegExp];

/** A table row: a whole conversation, in the style of core-bot's bookingDialogTestCases. */
export interface DialogCase {
  readonly name: string;
  readonly steps: readonly Step[];
}

/** A TandemBot (real NLU, real dialogs, real middleware) over fresh in-memory domain services. */
export interface DialogTestBot extends TestBot {
  readonly clock: TestClock;
  readonly gateway: RecordingHandoffGateway;
  readonly domain: DomainServices;
  /** Sends one message as `from` (default the TestAdapter's user) and returns every reply of that turn. */
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Runs a table of steps, asserting each reply. */
  run(steps: readonly Step[]): Promise<void>;
}

export interface DialogTestBotOptions {
  /** Must be the clock `domain` was built with. Default: a fresh `TestClock` at `testNow`. */
  readonly clock?: TestClock;
  readonly domain?: DomainServices;
  readonly dialogDeps?: Partial<BotWiring['dialogDeps']>;
  readonly from?: ChannelAccount;
  readonly localTimezone?: string;
  readonly gateway?: RecordingHandoffGateway;
  /** Bot state backend; default in memory. */
  readonly backend?: StateBackend;
}

/** The user every test conversation speaks as, unless a test says otherwise (channel "test"). */
export const testUser: ChannelAccount = { id: 'user1', name: 'User1' };
export const testChannelId = 'test';

export function textOf(replies: readonly Partial<Activity>[]): string {
  return replies.map((r) => r.text ?? '').join('\n');
}

export function createDialogTestBot(options: DialogTestBotOptions = {}): DialogTestBot {
  const gateway = options.gateway ?? new RecordingHandoffGateway();
  const clock = options.clock ?? new TestClock();
  const domain = options.domain ?? createDomainServices({ now: clock.now });
  const bot = createTestBot({
    handoff: gateway,
    now: clock.now,
    ...(options.backend ? { backend: options.backend } : {}),
    dialogDeps: { domain, defaultTimeZone: 'America/New_York', maxFieldFailures: 3, ...options.dialogDeps },
  });
  const say = async (text: string, extra: Partial<Activity> = {}): Promise<Partial<Activity>[]> => {
    await bot.adapter.receiveActivity({
      type: 'message',
      // Unique like a channel's ids, so two bots sharing a dedupe store never drop each other's turns.
      id: randomUUID(),
      text,
      from: options.from ?? testUser,
      ...(options.localTimezone ? { localTimezone: options.localTimezone } : {}),
      ...extra,
    });
    const replies: Partial<Activity>[] = [];
    while (bot.adapter.activeQueue.length > 0) {
      const next = bot.adapter.activeQueue.shift();
      if (next) replies.push(next);
    }
    return replies;
  };
  const run = async (steps: readonly Step[]): Promise<void> => {
    for (const [index, [user, expected, forbidden]] of steps.entries()) {
      const text = textOf(await say(user));
      // Step and user text in the assertion make a failing table row easy to find.
      expect({ step: index + 1, user, bot: text }).toEqual({ step: index + 1, user, bot: expect.stringMatching(expected) });
      if (forbidden) expect({ step: index + 1, user, bot: text }).toEqual({ step: index + 1, user, bot: expect.not.stringMatching(forbidden) });
    }
  };
  return { ...bot, clock, gateway, domain, say, run };
}
