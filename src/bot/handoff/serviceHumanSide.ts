import type { HandoffService } from '../../handoff/handoffService';
import type { HumanSide } from '../humanSide';

/** The ownership gate's view of the handoff service. */
export class ServiceHumanSide implements HumanSide {
  constructor(private readonly service: HandoffService) {}

  isHumanOwned(conversationId: string): Promise<boolean> {
    return this.service.isBotSilenced(conversationId);
  }

  async forwardUserMessage(conversationId: string, text: string, at: string): Promise<void> {
    await this.service.forwardUserMessage(conversationId, text, at);
  }

  async queueStatus(conversationId: string): Promise<string> {
    return (await this.service.status(conversationId)).customerMessage;
  }

  async cancelWaiting(conversationId: string): Promise<string> {
    return (await this.service.cancelByUser(conversationId)).customerMessage;
  }
}
