import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/observability/logger';
import { createMemoryStatePorts } from '../../src/storage/memory/memoryStatePorts';
import { createDialogTestBot, testChannelId, textOf } from './support/dialogTestBot';

interface StackEntry {
  id: string;
  state: Record<string, unknown>;
}

/** Rewrites the running task's state the way a task saved it when it was a component around an inner flow. */
function toLegacyShape(task: StackEntry): void {
  const { flow, question, restartOptions } = task.state;
  task.state = {
    dialogs: { dialogStack: [{ id: `${task.id}.flow`, state: { flow, question } }] },
    'interruptible.restartOptions': restartOptions,
  };
}

describe('a task saved before the dialogs were one class', () => {
  it('carries on where it was after a deploy', async () => {
    const backend = createMemoryStatePorts(loadConfig({}), { logger: silentLogger });
    const bot = createDialogTestBot({ backend });
    expect(textOf(await bot.say('cancel my order TD-100002'))).toMatch(/email/);

    // ConversationState keys end with a slash.
    const key = `${testChannelId}/conversations/${bot.adapter.template.conversation?.id}/`;
    const saved = (await backend.storage.read([key]))[key] as { dialogState: { dialogStack: StackEntry[] } };
    const main = saved.dialogState.dialogStack[0];
    const task = (main?.state.dialogs as { dialogStack: StackEntry[] } | undefined)?.dialogStack[0];
    expect(task?.id).toBe('orders');
    if (!task) throw new Error('the orders task is on the stack');
    toLegacyShape(task);
    await backend.storage.write({ [key]: { ...saved, eTag: '*' } });

    expect(textOf(await bot.say('help'))).toMatch(/I can tell you where your order is[\s\S]*email/);
    expect(textOf(await bot.say('60614'))).toMatch(/Do you want me to cancel order TD-100002/);
  });
});
