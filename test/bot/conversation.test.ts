import type { Activity } from 'botbuilder';
import { createTestBot, RecordingHandoffGateway } from '../support/testBot';

const text = (activity: Partial<Activity>) => activity.text ?? '';

describe('a whole conversation through TestAdapter', () => {
  it('welcomes, answers small talk, and routes by intent metadata', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User' }], recipient: { id: 'bot', name: 'Tandem' } } as Partial<Activity>)
      .assertReply((a) => expect(text(a)).toMatch(/I'm Tandem/))
      .send('hello')
      .assertReply((a) => expect(text(a)).toMatch(/Tandem|help/i))
      .send('thank you so much')
      .assertReply((a) => expect(text(a)).toMatch(/welcome/i))
      .startTest();
  });

  it('escalates repeated misunderstanding in stages: clarify, rephrase, then offer a person', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send('blorp zzzt')
      .assertReply((a) => expect(text(a)).toMatch(/didn't understand.*Here's what I can help with/s))
      .send('fnargle wump')
      .assertReply((a) => expect(text(a)).toMatch(/put it another way/))
      .send('qwxz plimf')
      .assertReply((a) => {
        expect(text(a)).toMatch(/connect you with a person/);
        expect(a.suggestedActions?.actions.map((x) => x.title)).toContain('Talk to a human');
      })
      .startTest();
  });

  it('says plainly when a message is in another language', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send('¿Dónde está mi pedido? Necesito ayuda por favor')
      .assertReply((a) => expect(text(a)).toMatch(/only chat in English/))
      .startTest();
  });

  it('hands over at once when the user asks for a person, with the reason code', async () => {
    const handoff = new RecordingHandoffGateway();
    const { adapter } = createTestBot({ handoff });
    await adapter
      .send('I want to talk to a real person')
      .assertReply((a) => expect(text(a)).toMatch(/queue/))
      .startTest();
    expect(handoff.requests).toHaveLength(1);
    expect(handoff.requests[0]!.decision.reasonCodes).toContain('user_requested');
  });

  it('lets emergency language pre-empt a dialog mid-way, guidance first, urgent priority', async () => {
    const handoff = new RecordingHandoffGateway();
    const { adapter } = createTestBot({ handoff });
    await adapter
      .send('I want to book an appointment')
      .assertReply((a) => expect(text(a).length).toBeGreaterThan(0))
      .send('my father collapsed and is not breathing')
      .assertReply((a) => expect(text(a)).toMatch(/911/))
      .assertReply((a) => expect(text(a)).toMatch(/queue/))
      .startTest();
    expect(handoff.requests).toHaveLength(1);
    expect(handoff.requests[0]!.decision).toMatchObject({ priority: 'urgent', sendEmergencyGuidance: true });
    expect(handoff.requests[0]!.decision.reasonCodes[0]).toBe('emergency');
  });

  it('does not treat look-alikes as emergencies', async () => {
    const handoff = new RecordingHandoffGateway();
    const { adapter } = createTestBot({ handoff });
    await adapter
      .send('is the chest of drawers a killer deal right now?')
      .assertReply((a) => expect(text(a)).not.toMatch(/911/))
      .send('no')
      .assertReply((a) => expect(text(a)).not.toMatch(/911/))
      .startTest();
    expect(handoff.requests).toHaveLength(0);
  });

  it('offers a callback with a validated contact when nobody can take the chat', async () => {
    const handoff = new RecordingHandoffGateway('callback');
    const { adapter } = createTestBot({ handoff });
    await adapter
      .send('let me speak to an agent')
      .assertReply((a) => expect(text(a)).toMatch(/phone number or email/))
      .send('call me maybe')
      .assertReply((a) => expect(text(a)).toMatch(/doesn't look like a valid phone number or email/))
      .send('you can reach me at (415) 555-0132')
      .assertReply((a) => expect(text(a)).toMatch(/booked a callback.*within one business day/s))
      .startTest();
    expect(handoff.callbacks).toEqual([{ kind: 'phone', value: '+14155550132' }]);
  });

  it('records an insight per turn for the agent context pack', async () => {
    const { adapter, recorder } = createTestBot();
    await adapter.send('what time do you open on saturday').assertReply(() => undefined).startTest();
    expect(recorder.insights).toHaveLength(1);
    const [{ insight }] = recorder.insights as [(typeof recorder.insights)[number]];
    expect(insight.intent?.intent).toBe('faq.hours');
    expect(insight.sentiment?.frustration).toBeGreaterThanOrEqual(0);
  });

  it('falls back to the default time zone when the channel sends an unknown one', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: 'message', text: 'what are your opening hours', localTimezone: 'Mars/Olympus_Mons' } as Partial<Activity>)
      .assertReply((a) => expect(text(a)).toMatch(/hour|open/i))
      .startTest();
  });

  it('treats a bare value as an answer, never as an emergency or a request', async () => {
    const handoff = new RecordingHandoffGateway();
    const { adapter } = createTestBot({ handoff });
    await adapter
      .send('10027')
      .assertReply((a) => expect(text(a)).toMatch(/didn't understand/))
      .send('2')
      .assertReply((a) => expect(text(a)).not.toMatch(/hurt or in danger|911/))
      .startTest();
    expect(handoff.requests).toHaveLength(0);
  });

  it('does not count answers inside a task as fallbacks', async () => {
    const handoff = new RecordingHandoffGateway();
    const { adapter } = createTestBot({ handoff });
    let flow = adapter.send('I need to open a new legal matter').assertReply(() => undefined);
    for (const answer of ['Jane Doe', 'jane@example.com', 'Acme Corp']) flow = flow.send(answer).assertReply((a) => expect(text(a)).not.toMatch(/connect you with a person|put it another way/));
    await flow.startTest();
    expect(handoff.requests).toHaveLength(0);
  });
});
