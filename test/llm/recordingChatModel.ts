import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { FakeListChatModel } from '@langchain/core/utils/testing';

/**
 * FakeListChatModel that also remembers the messages of every call, to inspect prompts, and counts the
 * calls that have finished, so a test can tell whether the caller waited for the model.
 */
export class RecordingChatModel extends FakeListChatModel {
  readonly calls: BaseMessage[][] = [];
  finished = 0;

  override async _generate(messages: BaseMessage[], options?: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    this.calls.push(messages);
    try {
      return await super._generate(messages, options, runManager);
    } finally {
      this.finished += 1;
    }
  }
}

/** A chat model whose every call fails, like a provider outage. */
export class FailingChatModel extends FakeListChatModel {
  constructor() {
    super({ responses: ['unused'] });
  }

  override async _generate(): Promise<ChatResult> {
    throw new Error('503 from provider');
  }
}
