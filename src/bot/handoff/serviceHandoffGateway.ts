import { type Activity, ActivityTypes, Channels, EventFactory, type TranscriptStore, TurnContext } from 'botbuilder';
import type { HandoffGateway, HandoffOutcome } from '../../../dialogs/handoffGateway';
import type { CallbackContact } from '../../handoff/callbackContact';
import type { HandoffDecision } from '../../handoff/policy';
import type { CustomerHandoff } from '../../handoff/customerHandoff';
import type { ConversationReferenceStore } from '../../storage/ports';
import type { TranscriptLine } from '../../handoff/transcriptLine';
import { readTranscriptActivities, readTranscriptLines } from '../../storage/transcriptLines';
import { allowWhileHumanOwned, ownerChangedThisTurn } from '../humanSide';

/** Channels that do not accept event activities (Teams shows them as errors). */
const noEventChannels = new Set<string>([Channels.Msteams]);

export interface QueueStatusChannelData {
  readonly tandem: { readonly kind: 'queue_status'; readonly position?: number; readonly etaSeconds?: number };
}

/**
 * The dialogs' HandoffGateway over the handoff service: remembers how to reach the customer,
 * summarises, queues, tells the customer their place, and emits the Bot Framework `handoff.initiate`
 * event with the redacted transcript on channels that accept events.
 */
export class ServiceHandoffGateway implements HandoffGateway {
  constructor(
    private readonly deps: {
      readonly service: CustomerHandoff;
      readonly references: ConversationReferenceStore;
      readonly transcripts: TranscriptStore;
      readonly summarize: (lines: readonly TranscriptLine[]) => Promise<string>;
    },
  ) {}

  async request(context: TurnContext, decision: HandoffDecision): Promise<HandoffOutcome> {
    const { conversation, channelId } = context.activity;
    await this.deps.references.save(TurnContext.getConversationReference(context.activity));
    const lines = await readTranscriptLines(this.deps.transcripts, channelId, conversation.id);
    const summary = await this.deps.summarize(lines);
    const result = await this.deps.service.requestHandoff({ conversationId: conversation.id, channelId, summary }, decision);
    ownerChangedThisTurn(context, result.outcome === 'callback' ? 'bot' : result.outcome);
    if (result.outcome === 'callback') {
      return { outcome: 'callback', needsContact: result.needsContact, ticketFiled: result.ticket !== null, customerMessage: result.customerMessage };
    }
    allowWhileHumanOwned(context);
    const channelData: QueueStatusChannelData = {
      tandem:
        result.outcome === 'queued'
          ? { kind: 'queue_status', position: result.position, etaSeconds: result.etaSeconds }
          : { kind: 'queue_status' },
    };
    await context.sendActivity({ type: ActivityTypes.Message, text: result.customerMessage, channelData });
    if (result.outcome === 'queued' && !noEventChannels.has(channelId)) {
      const activities = await readTranscriptActivities(this.deps.transcripts, channelId, conversation.id);
      const initiation = EventFactory.createHandoffInitiation(
        context,
        { reason: result.record.reason, reasonCodes: [...result.record.reasonCodes], priority: result.record.priority, summary, skill: result.record.skill ?? null },
        { activities: activities as Activity[] },
      );
      await context.sendActivity(initiation);
    }
    return { outcome: 'queued', needsContact: false, customerMessage: result.customerMessage };
  }

  async scheduleCallback(context: TurnContext, contact: CallbackContact): Promise<string> {
    const { conversation, channelId } = context.activity;
    await this.deps.references.save(TurnContext.getConversationReference(context.activity));
    const lines = await readTranscriptLines(this.deps.transcripts, channelId, conversation.id);
    const summary = await this.deps.summarize(lines);
    const { whenText } = await this.deps.service.scheduleCallback({ conversationId: conversation.id, channelId, summary }, contact);
    return whenText;
  }
}
