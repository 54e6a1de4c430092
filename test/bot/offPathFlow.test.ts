import type { Activity } from 'botbuilder';
import { createHandoffTestBot } from '../support/handoffTestBot';

const text = (a: Partial<Activity>) => a.text ?? '';

describe('off the happy path, through the real handoff service', () => {
  it.each([['actually never mind, I sorted it out myself'], ['Forget it, I will call tomorrow instead'], ['NEVERMIND']])(
    'while queued, "%s" leaves the queue with a reply',
    async (message) => {
      const t = createHandoffTestBot();
      const conversationId = t.adapter.conversation.conversation.id;
      await t.services.desk.heartbeat(t.agent);
      await t.adapter
        .send('can I talk to someone please')
        .assertReply((a) => expect(text(a)).toMatch(/connecting you/))
        .assertReply((a) => expect(a.type).toBe('event'))
        .send(message)
        .assertReply((a) => expect(text(a)).toMatch(/taken you out of the line/))
        .send('what are your opening hours?')
        .assertReply((a) => expect(text(a)).toMatch(/8:00/))
        .startTest();
      expect(await t.services.customer.isBotSilenced(conversationId)).toBe(false);
    },
  );

  it('while queued, a request that mentions cancelling something goes to the agent, not out of the queue', async () => {
    const t = createHandoffTestBot();
    const conversationId = t.adapter.conversation.conversation.id;
    await t.services.desk.heartbeat(t.agent);
    await t.adapter
      .send('I need a human')
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send('I want to cancel my order TD-100002')
      .assertNoReply()
      .startTest();
    expect(await t.services.customer.isBotSilenced(conversationId)).toBe(true);
  });

  it('a half-finished registration survives a handoff and a handback: the bot offers to continue where it was', async () => {
    const t = createHandoffTestBot();
    const conversationId = t.adapter.conversation.conversation.id;
    await t.services.desk.heartbeat(t.agent);
    await t.adapter
      .send('I want to register as a new patient')
      .assertReply((a) => expect(text(a)).toMatch(/registered with the clinic/))
      .assertReply((a) => expect(text(a)).toMatch(/full name/))
      .send('Maya Lopez')
      .assertReply((a) => expect(text(a)).toMatch(/date of birth/))
      .send('can I talk to a real person about this?')
      .assertReply((a) => expect(text(a)).toMatch(/connecting you/))
      .assertReply((a) => expect(a.type).toBe('event'))
      .startTest();

    await t.services.desk.claim(conversationId, t.agent);
    await t.services.desk.release(conversationId, t.agent, { disposition: 'return_to_bot' });
    t.adapter.activeQueue.splice(0);
    await t.followUps.continueConversation(conversationId, (context) => t.bot.resumeAfterHandback(context, undefined, 'Dana'));
    const resumed = t.adapter.activeQueue.map(text).join('\n');
    expect(resumed).toMatch(/Dana handed you back/);
    expect(resumed).toMatch(/middle of your registration[\s\S]*pick up where you left off/);
    t.adapter.activeQueue.splice(0);

    await t.adapter
      .send('yes')
      .assertReply((a) => expect(text(a)).toMatch(/Back to your registration:[\s\S]*date of birth/))
      .send('1990-07-15')
      .assertReply((a) => expect(text(a)).toMatch(/phone number/))
      .startTest();
  });

  it('declining to continue after a handback sets the form aside', async () => {
    const t = createHandoffTestBot();
    const conversationId = t.adapter.conversation.conversation.id;
    await t.services.desk.heartbeat(t.agent);
    await t.adapter
      .send('book an annual physical')
      .assertReply((a) => expect(text(a)).toMatch(/What day/))
      .send('get me an agent')
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .startTest();
    await t.services.desk.claim(conversationId, t.agent);
    await t.services.desk.release(conversationId, t.agent, { disposition: 'return_to_bot' });
    t.adapter.activeQueue.splice(0);
    await t.followUps.continueConversation(conversationId, (context) => t.bot.resumeAfterHandback(context, undefined, undefined));
    expect(t.adapter.activeQueue.map(text).join('\n')).toMatch(/middle of your appointment request/);
    t.adapter.activeQueue.splice(0);
    await t.adapter
      .send('no thanks')
      .assertReply((a) => expect(text(a)).toMatch(/set your appointment request aside/))
      .startTest();
  });
});
