import type { CustomerHandoff, EmergencyWithdrawal } from '../../handoff/customerHandoff';
import type { EmergencyCategory } from '../../nlu/types';
import { type HumanSide, type Owner, ownerOfState } from '../humanSide';

/** The ownership gate's view of the handoff service. */
export class ServiceHumanSide implements HumanSide {
  constructor(private readonly service: CustomerHandoff) {}

  isHumanOwned(conversationId: string): Promise<boolean> {
    return this.service.isBotSilenced(conversationId);
  }

  async ownerOf(conversationId: string): Promise<Owner> {
    return ownerOfState(await this.service.stateOf(conversationId));
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
