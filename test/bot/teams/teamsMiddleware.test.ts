import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { TeamsEventFilterMiddleware } from '../../../src/bot/teams/teamsEventFilterMiddleware';
import { TeamsInboundMiddleware, teamsTenantId } from '../../../src/bot/teams/teamsInboundMiddleware';

function adapterFor(channelId: string, logic: (context: TurnContext) => Promise<void>): TestAdapter {
  const adapter = new TestAdapter(logic, { channelId, conversation: { id: 'conv-1' } as Activity['conversation'] });
  adapter.use(new TeamsInboundMiddleware());
  adapter.use(new TeamsEventFilterMiddleware());
  return adapter;
}

const teamsMessage = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: ActivityTypes.Message,
  text,
  channelData: { tenant: { id: 'tenant-42' } },
  entities: [{ type: 'mention', text: '<at>Tandem</at>', mentioned: { id: 'bot', name: 'Tandem' } }],
  ...extra,
});

describe('Teams middleware', () => {
  it('strips the bot mention and keeps the tenant id for the rest of the turn', async () => {
    const seen: { text?: string; tenant?: string }[] = [];
    const adapter = adapterFor('msteams', async (context) => {
      seen.push({ text: context.activity.text, tenant: teamsTenantId(context) });
      await context.sendActivity('ok');
    });
    await adapter.send(teamsMessage('<at>Tandem</at> opening hours?')).assertReply('ok').startTest();
    expect(seen).toEqual([{ text: 'opening hours?', tenant: 'tenant-42' }]);
  });

  it('never sends event activities to Teams, but sends the messages around them', async () => {
    const adapter = adapterFor('msteams', async (context) => {
      await context.sendActivities([
        { type: ActivityTypes.Message, text: 'before' },
        { type: ActivityTypes.Event, name: 'handoff.initiate', value: { reason: 'user_requested' } },
        { type: ActivityTypes.Message, text: 'after' },
      ]);
    });
    await adapter.send(teamsMessage('agent please')).assertReply('before').assertReply('after').startTest();
    expect(adapter.activeQueue).toHaveLength(0);
  });

  it('leaves other channels untouched: events are sent and text keeps its tags', async () => {
    const seen: (string | undefined)[] = [];
    const adapter = adapterFor('webchat', async (context) => {
      seen.push(context.activity.text, teamsTenantId(context));
      await context.sendActivity({ type: ActivityTypes.Event, name: 'handoff.initiate' });
    });
    await adapter
      .send(teamsMessage('<at>Tandem</at> hi'))
      .assertReply((activity) => {
        expect(activity).toMatchObject({ type: 'event', name: 'handoff.initiate' });
      })
      .startTest();
    expect(seen).toEqual(['<at>Tandem</at> hi', undefined]);
  });
});
