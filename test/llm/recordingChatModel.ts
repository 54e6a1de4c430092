import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { FakeListChatModel } from '@langchain/core/utils/testing';

/** FakeListChatModel that also remembers the messages of every call, to inspect prompts. */
export class RecordingChatModel extends FakeListChatModel {
  readonly calls: BaseMessage[][] = [];

  override async _generate(messages: BaseMessage[], options?: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    this.calls.push(messages);
    return super._generate(messages, options, runManager);
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
