import { createDialogTestBot, type DialogCase, type Step } from '../support/dialogTestBot';

const start: Step = ['I want to open a new legal matter', /Let's open your matter[\s\S]*What's your full name\?/];
const upToParties: readonly Step[] = [
  start,
  ['Sam Carter', /email/],
  ['sam.carter@example.com', /phone/],
  ['(415) 555-0199', /What kind of legal matter/],
  ['Employment', /Who is on the other side\?/],
];
const summary = 'My employer stopped paying overtime in March and fired me after I complained about it.';

const cases: readonly DialogCase[] = [
  {
    name: 'the whole legal intake, reviewed and submitted',
    steps: [
      ...upToParties,
      ['Fabrikam, Inc., John Smith', /what happened/],
      [summary, /How urgent is it\?/],
      ['Soon: a deadline or hearing within 30 days', /Do you agree/],
      ['yes', /Here's what I have for your legal intake:[\s\S]*Type of matter: Employment[\s\S]*Other parties: Fabrikam, Inc\., John Smith[\s\S]*Urgency: Soon/],
      ['submit', /Your intake is submitted; your reference is INT-[A-Z0-9]{12}\. Before we take on any matter we run a conflict check/, /Fabrikam|M-20|client of ours/],
    ],
  },
  {
    name: 'other parties may be skipped; a short summary is re-asked',
    steps: [...upToParties, ['skip', /what happened/], ['They fired me', /at least 20 characters/], [summary, /How urgent/], ['urgent', /Do you agree/]],
  },
  {
    name: 'an unknown matter type is re-asked with the choices',
    steps: [...upToParties.slice(0, 4), ['something about cheese', /Please choose one of: Family/]],
  },
  {
    name: 'a matter told in the user\'s own words is mapped to its type; words of two types are asked again',
    steps: [
      ...upToParties.slice(0, 4),
      ['my boss and my landlord both', /Please choose one of: Family/],
      ["it's about my apartment deposit", /Who is on the other side\?/],
    ],
  },
  {
    name: 'a legal problem told up front ("my landlord is trying to evict me") opens the intake, not a bare handoff',
    steps: [['my landlord is trying to evict me, I need help', /Let's open your matter[\s\S]*can't give legal advice[\s\S]*full name/]],
  },
  {
    name: 'declining consent is re-asked',
    steps: [...upToParties, ['none', /what happened/], [summary, /urgent/], ['routine', /agree/], ['no', /I need your consent/]],
  },
];

describe('legal intake dialog', () => {
  it.each(cases)('$name', async ({ steps }) => {
    await createDialogTestBot().run(steps);
  });

  it('stores the structured record with the conflict check result', async () => {
    const bot = createDialogTestBot();
    await bot.run([
      ...upToParties,
      ['Fabrikam, Inc., John Smith', /what happened/],
      [summary, /urgent/],
      ['urgent', /agree/],
      ['yes', /Here's what I have/],
      ['submit', /goes to the front of the review queue/],
    ]);
    const [record] = await bot.domain.intake.list({ kind: 'legal' });
    if (record?.kind !== 'legal') throw new Error('expected a legal record');
    expect(record.data).toMatchObject({ fullName: 'Sam Carter', matterType: 'employment', otherParties: ['Fabrikam, Inc.', 'John Smith'], urgency: 'urgent', consent: true });
    expect(record.conflicts).toEqual([expect.objectContaining({ party: 'Fabrikam, Inc.', matchedName: 'Fabrikam, Inc.', role: 'client', matchType: 'exact' })]);
  });

  it('an emergency mid-form shows guidance and hands over', async () => {
    const bot = createDialogTestBot();
    await bot.run([start, ['Sam Carter', /email/], ['he is threatening to kill me right now', /911[\s\S]*queue/]]);
    expect(bot.gateway.requests[0]?.decision.sendEmergencyGuidance).toBe(true);
  });
});
