import type { CustomerHandoff, EmergencyWithdrawal } from '../../handoff/customerHandoff';
import { HandoffState } from '../../handoff/vocabulary';
import type { EmergencyCategory } from '../../nlu/types';
import type { HumanSide, Owner } from '../humanSide';

/** The ownership gate's view of the handoff service. */
export class ServiceHumanSide implements HumanSide {
  constructor(private readonly service: CustomerHandoff) {}

  isHumanOwned(conversationId: string): Promise<boolean> {
    return this.service.isBotSilenced(conversationId);
  }

  async ownerOf(conversationId: string): Promise<Owner> {
    const state = await this.service.stateOf(conversationId);
    return state === HandoffState.queued || state === HandoffState.assigned ? state : 'bot';
  }

  async raiseEmergency(conversationId: string, categories: readonly EmergencyCategory[]): Promise<string | undefined> {
    return (await this.service.raiseEmergency(conversationId, categories))?.customerMessage;
  }

  withdrawEmergency(conversationId: string): Promise<EmergencyWithdrawal | undefined> {
    return this.service.withdrawEmergency(conversationId);
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
