import type { Activity } from 'botbuilder';
import { createHandoffTestBot } from '../support/handoffTestBot';

const text = (a: Partial<Activity>) => a.text ?? '';

describe('the handoff flow through TestAdapter (real handoff service, in memory)', () => {
  it('goes silent while a human owns the chat, relays the agent, and resumes after handback', async () => {
    const t = createHandoffTestBot();
    const conversationId = t.adapter.conversation.conversation.id;
    await t.services.desk.heartbeat(t.agent);

    await t.adapter
      .send('I need to talk to a person please')
      .assertReply((a) => {
        expect(text(a)).toMatch(/connecting you with a person/);
        expect(a.channelData).toMatchObject({ tandem: { kind: 'queue_status', position: 1 } });
      })
      .assertReply((a) => {
        expect(a.type).toBe('event');
        expect(a.name).toBe('handoff.initiate');
        expect(a.value).toMatchObject({ reason: 'user_requested', priority: 'normal' });
        expect(a.attachments?.[0]).toMatchObject({ name: 'Transcript', contentType: 'application/json' });
        const transcript = (a.attachments?.[0]?.content as { activities: Activity[] }).activities;
        expect(transcript.map((x) => x.text)).toContain('I need to talk to a person please');
      })
      .send('hello? anyone there?')
      .assertReply((a) => expect(text(a)).toMatch(/1st|next|number 1|place/i))
      .send('my order never arrived')
      .assertNoReply()
      .startTest();

    await t.services.desk.claim(conversationId, t.agent);
    t.adapter.activeQueue.splice(0);
    await t.services.desk.sendAgentMessage(conversationId, t.agent, { text: 'Hi, I am looking at your order now.' }, (notice) => t.followUps.deliverOne(notice));
    const agentReply = t.adapter.activeQueue.find((a) => a.text === 'Hi, I am looking at your order now.');
    expect(agentReply?.channelData).toMatchObject({ agent: { name: 'Dev Agent' }, tandem: { kind: 'agent_message' } });
    t.adapter.activeQueue.splice(0);

    await t.adapter.send('thanks, what are your opening hours?').assertNoReply().startTest();

    await t.services.desk.release(conversationId, t.agent, { disposition: 'return_to_bot', note: 'customer wants to book an appointment' });
    t.adapter.activeQueue.splice(0);
    await t.followUps.continueConversation(conversationId, (context) =>
      t.bot.resumeAfterHandback(context, 'customer wants to book an appointment', 'Dana'),
    );
    const resumed = t.adapter.activeQueue.map(text);
    expect(resumed[0]).toMatch(/Dana handed you back/);
    expect(resumed.slice(1).join('\n')).toMatch(/appointment|visit|type/i);
  });

  it('lets a queued user cancel, and then the bot talks again', async () => {
    const t = createHandoffTestBot();
    await t.services.desk.heartbeat(t.agent);
    await t.adapter
      .send('get me a human agent')
      .assertReply((a) => expect(text(a)).toMatch(/connecting you/))
      .assertReply((a) => expect(a.type).toBe('event'))
      .send('cancel')
      .assertReply((a) => expect(text(a)).toMatch(/taken you out of the line/))
      .send('hi')
      .assertReply((a) => expect(text(a).length).toBeGreaterThan(0))
      .startTest();
  });

  it('blocks any bot output sent in a proactive turn while the chat is queued', async () => {
    const t = createHandoffTestBot();
    const conversationId = t.adapter.conversation.conversation.id;
    await t.services.desk.heartbeat(t.agent);
    await t.adapter.send('talk to a human').assertReply(() => undefined).assertReply(() => undefined).startTest();
    t.adapter.activeQueue.splice(0);
    await t.followUps.continueConversation(conversationId, async (context) => {
      await context.sendActivity('a timer tries to speak for the bot');
    });
    expect(t.adapter.activeQueue).toHaveLength(0);
  });

  it('asks for CSAT after a resolved chat and records the rating', async () => {
    const t = createHandoffTestBot();
    const conversationId = t.adapter.conversation.conversation.id;
    await t.services.desk.heartbeat(t.agent);
    await t.adapter.send('talk to a human').assertReply(() => undefined).assertReply(() => undefined).startTest();
    await t.services.desk.claim(conversationId, t.agent);
    await t.services.desk.release(conversationId, t.agent, { disposition: 'resolved' });
    t.adapter.activeQueue.splice(0);
    await t.followUps.continueConversation(conversationId, (context) => t.bot.askForCsat(context, 'Dana'));
    const question = t.adapter.activeQueue.shift();
    expect(question?.suggestedActions?.actions.map((a) => a.title)).toEqual(['1', '2', '3', '4', '5']);
    await t.adapter.send('5').assertReply((a) => expect(text(a)).toMatch(/Thank you/)).startTest();
    expect(t.recorder.csat).toEqual([{ conversationId, score: 5 }]);
  });
});
