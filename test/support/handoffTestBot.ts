import { type Activity, type ConversationReference, TestAdapter, type TurnContext } from 'botbuilder';
import { ProactiveUserChannel } from '../../src/bot/handoff/proactiveUserChannel';
import { ServiceHandoffGateway } from '../../src/bot/handoff/serviceHandoffGateway';
import { ServiceHumanSide } from '../../src/bot/handoff/serviceHumanSide';
import { loadConfig } from '../../src/config';
import { AgentDirectory, type Agent } from '../../src/handoff/agents';
import { BusinessCalendar } from '../../src/handoff/businessCalendar';
import { HandoffService, handoffServiceConfigFrom } from '../../src/handoff/handoffService';
import { silentLogger } from '../../src/observability/logger';
import { createStatePorts } from '../../src/storage/createStatePorts';
import { createTestBot, type TestBot } from './testBot';

/** TestAdapter cannot do proactive turns; this one runs them through its own middleware pipeline. */
class ProactiveTestAdapter extends TestAdapter {
  override async continueConversationAsync(...args: unknown[]): Promise<void> {
    const reference = args[1] as Partial<ConversationReference>;
    const logic = args[args.length - 1] as (context: TurnContext) => Promise<void>;
    const activity = {
      type: 'event',
      name: 'ContinueConversation',
      channelId: reference.channelId,
      conversation: reference.conversation,
      from: reference.user,
      recipient: reference.bot,
      serviceUrl: reference.serviceUrl,
    } as Partial<Activity>;
    await this.processActivity(activity, logic);
  }
}

export interface HandoffTestBot extends TestBot {
  readonly service: HandoffService;
  readonly agent: Agent;
  readonly userChannel: ProactiveUserChannel;
}

/** The real bot wired to the real (in-memory) handoff service, as buildApp wires it. */
export function createHandoffTestBot(env: NodeJS.ProcessEnv = {}): HandoffTestBot {
  const config = loadConfig(env);
  const backend = createStatePorts(config, { logger: silentLogger });
  const ports = backend.handoff;
  const agents = AgentDirectory.fromConfig(config);
  const holder: { adapter?: TestAdapter } = {};
  const userChannel = new ProactiveUserChannel(
    { continueConversationAsync: (...args: unknown[]) => (holder.adapter!.continueConversationAsync as (...a: unknown[]) => Promise<void>)(...args) } as never,
    backend.references,
    '',
  );
  const service = new HandoffService({
    ...ports,
    calendar: new BusinessCalendar({ rules: config.BUSINESS_HOURS, timeZone: config.BUSINESS_TIMEZONE, holidays: config.BUSINESS_HOLIDAYS }),
    userChannel,
    config: handoffServiceConfigFrom(config),
    agentName: (id) => agents.get(id)?.name,
  });
  const testBot = createTestBot({
    backend,
    env,
    handoff: new ServiceHandoffGateway({
      service,
      references: backend.references,
      transcripts: backend.transcripts,
      summarize: async (lines) => lines.map((l) => l.text).join(' / '),
    }),
    humans: new ServiceHumanSide(service),
    adapterClass: ProactiveTestAdapter,
    recorder: undefined,
  });
  holder.adapter = testBot.adapter;
  const agent = agents.authenticate('Bearer dev-agent-token');
  if (!agent) throw new Error('dev agent missing');
  return { ...testBot, service, agent, userChannel };
}
