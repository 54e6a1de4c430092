import { createDialogTestBot, type DialogCase } from './support/dialogTestBot';

const complaints: readonly DialogCase[] = [
  {
    name: 'a complaint is acknowledged, captured, given a reference and handed over',
    steps: [
      ['I want to make a complaint', /I'm sorry to hear that\. Could you tell me what happened/],
      ['The driver left my parcel in the rain and it was soaked through', /Thank you for explaining\.\nYour complaint reference is CMP-[A-Z0-9]{8}\.[\s\S]*queue/],
    ],
  },
  {
    name: 'a complaint that already says what happened is not asked again',
    steps: [
      [
        'I want to complain, the courier threw my parcel over the fence and it broke, and nobody answered my emails for a week',
        /thank you for telling me what happened\.\nYour complaint reference is CMP-[A-Z0-9]{8}[\s\S]*queue/,
        /Could you tell me what happened/,
      ],
    ],
  },
  {
    name: 'an emoji-only account is re-asked once, then handed over anyway',
    steps: [
      ['I want to make a complaint', /what happened/],
      ['😡😡😡', /can't read emoji[\s\S]*what happened/],
      ['...', /CMP-[A-Z0-9]{8}[\s\S]*queue/],
    ],
  },
];

const clinical: readonly DialogCase[] = [
  {
    name: 'a clinical question gets no advice and the offer of a nurse; yes hands over',
    steps: [
      ['should I take ibuprofen with my blood pressure medication', /can't give medical advice[\s\S]*connect you with a nurse/, /\bmg\b|you should take|it is safe/i],
      ['yes', /queue/],
    ],
  },
  {
    name: 'no ends kindly',
    steps: [['is it safe to double my dose of metformin', /can't give medical advice/], ['no', /Please take care/]],
  },
];

describe('complaint dialog', () => {
  it.each(complaints)('$name', async ({ steps }) => {
    const bot = createDialogTestBot();
    await bot.run(steps);
    expect(bot.gateway.requests).toHaveLength(1);
    expect(bot.gateway.requests[0]?.decision).toMatchObject({ priority: 'high', reasonCodes: ['policy_intent'] });
  });
});

describe('clinical dialog', () => {
  it.each(clinical)('$name', async ({ steps }) => {
    await createDialogTestBot().run(steps);
  });

  it('hands over with the clinical intent as the reason', async () => {
    const bot = createDialogTestBot();
    await bot.run([['should I take ibuprofen with my blood pressure medication', /nurse/], ['Yes, connect me', /queue/]]);
    expect(bot.gateway.requests).toHaveLength(1);
  });
});
