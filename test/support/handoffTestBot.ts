import { type Activity, type ConversationReference, TestAdapter, type TurnContext } from 'botbuilder';
import { CustomerFollowUps } from '../../src/bot/handoff/customerFollowUps';
import { ServiceHandoffGateway } from '../../src/bot/handoff/serviceHandoffGateway';
import { ServiceHumanSide } from '../../src/bot/handoff/serviceHumanSide';
import { loadConfig } from '../../src/config';
import { AgentDirectory, type Agent } from '../../src/handoff/agents';
import { BusinessCalendar } from '../../src/handoff/businessCalendar';
import { createHandoffServices, type HandoffServices } from '../../src/handoff/createHandoffServices';
import { handoffConfigFrom } from '../../src/handoff/handoffCore';
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
  readonly services: HandoffServices;
  readonly agent: Agent;
  readonly followUps: CustomerFollowUps;
}

/** The real bot wired to the real (in-memory) handoff service, as buildApp wires it. */
export function createHandoffTestBot(env: NodeJS.ProcessEnv = {}): HandoffTestBot {
  const config = loadConfig(env);
  const backend = createStatePorts(config, { logger: silentLogger });
  const ports = backend.handoff;
  const agents = AgentDirectory.fromConfig(config);
  const handoff = createHandoffServices({
    ...ports,
    calendar: new BusinessCalendar({ rules: config.BUSINESS_HOURS, timeZone: config.BUSINESS_TIMEZONE, holidays: config.BUSINESS_HOLIDAYS }),
    config: handoffConfigFrom(config),
    agentName: (id) => agents.get(id)?.name,
  });
  const testBot = createTestBot({
    backend,
    env,
    handoff: new ServiceHandoffGateway({
      service: handoff.customer,
      references: backend.references,
      transcripts: backend.transcripts,
      summarize: async (lines) => lines.map((l) => l.text).join(' / '),
    }),
    humans: new ServiceHumanSide(handoff.customer),
    adapterClass: ProactiveTestAdapter,
    recorder: undefined,
  });
  const followUps = new CustomerFollowUps({ adapter: testBot.adapter, references: backend.references, appId: '', bot: testBot.bot });
  const agent = agents.authenticate('Bearer dev-agent-token');
  if (!agent) throw new Error('dev agent missing');
  return { ...testBot, services: handoff, agent, followUps };
}
