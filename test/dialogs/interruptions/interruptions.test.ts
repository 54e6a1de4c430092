import { RecordingHandoffGateway } from '../../support/testBot';
import { createDomainServices } from '../../../src/domain/createDomainServices';
import { zonedToUtc } from '../../../src/domain/scheduling/zonedTime';
import { createDialogTestBot, type DialogCase, textOf } from '../support/dialogTestBot';

// Monday 3 June 2030, 09:00 in New York, for the services and the dialogs alike; days are typed with their year.
const clock = zonedToUtc({ year: 2030, month: 6, day: 3, hour: 9, minute: 0 }, 'America/New_York');
const now = (): Date => clock;
const bookingDay = 'June 11, 2030';

const whatDay = /What day would you like\?/;
const slotsOffered = /\n1\. .+ with .+\n/;
const pickByNumber = /pick one of the times by its number/i;
const notUnderstood = /didn't understand|didn't catch|rather not guess|can't do that here/i;

/** Every kind of prompt, interrupted the way customers do it: questions, second thoughts, other tasks, odd input. */
const cases: readonly DialogCase[] = [
  {
    name: 'a question at the day prompt is answered from the articles and the booking resumes, saying so',
    steps: [
      ['book an annual physical', whatDay],
      ['hang on, is there parking at your Denver location?', /park[\s\S]*Back to your appointment request:[\s\S]*What day would you like\?/i, /couldn't read that as a date/],
      [bookingDay, slotsOffered],
    ],
  },
  {
    name: 'a question in capitals at the slot prompt is answered, and the times are offered again',
    steps: [
      ['book an annual physical', whatDay],
      [bookingDay, slotsOffered],
      ['WHAT ARE YOUR OPENING HOURS??', /8:00[\s\S]*Back to your appointment request:[\s\S]*\n1\. /i, pickByNumber],
      ['1', /Shall I book this/],
    ],
  },
  {
    name: 'second thoughts in a sentence at the slot prompt end the booking',
    steps: [
      ['book an annual physical', whatDay],
      [bookingDay, slotsOffered],
      ['hmm actually, cancel that please', /cancelled your appointment request[\s\S]*Nothing was saved/, pickByNumber],
      ['what are your hours', /8:00/i],
    ],
  },
  {
    name: 'an insurance question at the date-of-birth prompt is not a birth date; the form goes on after it',
    steps: [
      ['I would like to register as a new patient', /full name/],
      ['Ana Souza', /date of birth/],
      ['one sec, is Humana accepted at your clinics?', /Humana[\s\S]*Back to your registration:[\s\S]*date of birth/, /doesn't look|valid date|couldn't read/],
      ['1979-11-02', /phone number/],
    ],
  },
  {
    name: 'another task typed at the name prompt is never stored as the name',
    steps: [
      ['new patient registration', /full name/],
      ["no wait, I'm registered already. I just need to book a visit", /What kind of appointment/, /date of birth/],
    ],
  },
  {
    name: 'leaving mid-form in a sentence, with a typo, saves nothing',
    steps: [
      ['register me as a new patient', /full name/],
      ['Lee Park', /date of birth/],
      ['1980-02-03', /phone/],
      ['forgt it, maybe another time', /cancelled your registration[\s\S]*Nothing was saved/, /valid phone|phone number/],
    ],
  },
  {
    name: 'a return-window question at the order-number prompt is answered, and the number is still asked',
    steps: [
      ['where is my package', /order number/],
      ['wait, how long do I get to return things?', /30[\s\S]*Back to your order question:[\s\S]*order number/i, /doesn't look like an order number/],
      ['it is TD-100003', /email address or ZIP/],
    ],
  },
  {
    name: '"Never Mind" at the email prompt ends the order question',
    steps: [
      ['where is my order TD-100003', /email address or ZIP/],
      ['Never Mind', /cancelled your order question/, /couldn't verify|doesn't look like/],
    ],
  },
  {
    name: 'an order lookup in the middle of a booking, then back to the booking',
    steps: [
      ['book an annual physical', whatDay],
      ['oh, and where is my order TD-100003?', /email address or ZIP/],
      ['78704', /TD-100003[\s\S]*shipped[\s\S]*Back to your appointment request:[\s\S]*What day would you like\?/],
      [bookingDay, slotsOffered],
    ],
  },
  {
    name: 'a plain no still answers a yes/no question, and a question at it is answered first',
    steps: [
      ['cancel my order TD-100002', /email/],
      ['60614', /Do you want me to cancel order TD-100002/],
      ['do you ship to Alaska?', /50 US states[\s\S]*Back to your order question:[\s\S]*cancel order TD-100002/],
      ['no', /left order TD-100002 as it is/],
    ],
  },
  {
    name: 'help at a form field explains the form and asks the same question',
    steps: [
      ['I want to register as a new patient', /full name/],
      ['what can you do?', /taking your details[\s\S]*full name/, /Nothing was saved/],
    ],
  },
  {
    name: 'another language at a prompt gets a reply in English and the same question',
    steps: [
      ['book an annual physical', whatDay],
      ['¿Puedo pagar con tarjeta de crédito por favor?', /only chat in English[\s\S]*What day would you like\?/],
      [bookingDay, slotsOffered],
    ],
  },
  {
    name: 'an empty message and emoji are re-asked, and after two re-asks the way out is offered',
    steps: [
      ['book an annual physical', whatDay],
      ['', whatDay],
      ['🙂🙂', whatDay],
      ['???', /talk to a human/],
    ],
  },
  {
    name: 'a 5,000-character answer is refused with a reason and the form keeps its place',
    steps: [
      ['new patient registration please', /full name/],
      ['a'.repeat(5000), /full name/],
      ['Kim Ito', /date of birth/],
    ],
  },
];

describe('every prompt is interruptible', () => {
  it.each(cases)('$name', async ({ steps }) => {
    const bot = createDialogTestBot({ domain: createDomainServices({ now }), dialogDeps: { now } });
    await bot.run(steps);
  });

  it('the callback prompt answers a question instead of calling it a bad phone number, and "stop" books no callback', async () => {
    const gateway = new RecordingHandoffGateway('callback');
    const bot = createDialogTestBot({ gateway, domain: createDomainServices({ now }), dialogDeps: { now } });
    await bot.run([
      ['I want to speak to a real person', /phone number or email/],
      ['when do you open on saturday?', /Saturday[\s\S]*Back to arranging your callback:[\s\S]*phone number or email/i, /doesn't look like a valid/],
      ['stop', /cancelled arranging your callback/],
    ]);
    expect(gateway.callbacks).toHaveLength(0);
  });

  it('"never mind, <question>" at the callback prompt ends the callback and answers the question', async () => {
    const gateway = new RecordingHandoffGateway('callback');
    const bot = createDialogTestBot({ gateway, domain: createDomainServices({ now }), dialogDeps: { now } });
    await bot.run([
      ['I want to speak to a real person', /phone number or email/],
      ['nevermind, when do you open on saturday?', /cancelled arranging your callback[\s\S]*Saturday/i, /doesn't look like a valid|phone number or email/],
    ]);
    expect(gateway.callbacks).toHaveLength(0);
  });

  it("a question mid-booking that fits an order article as well is answered from the appointment's", async () => {
    const bot = createDialogTestBot({ domain: createDomainServices({ now }), dialogDeps: { now } });
    await bot.run([
      ['book a skin check', /What day would you like/],
      ['what happens if I have to cancel later?', /24 hours[\s\S]*Back to your appointment request: What day/, /an order/],
    ]);
  });

  it('a command or question is never stored as a form answer', async () => {
    const domain = createDomainServices({ now });
    const bot = createDialogTestBot({ domain, dialogDeps: { now } });
    await bot.run([
      ['register as a new patient', /full name/],
      ['sorry, what insurance do you take?', /Aetna/],
      ['Noor Haddad', /date of birth/],
      ['cancel', /cancelled/],
    ]);
    expect(await domain.intake.list()).toHaveLength(0);
  });
});

describe('knowledge before giving up', () => {
  it.each([
    ['does your clinic take cigna?', /Cigna/],
    ['which insurance plans are accepted', /Aetna/],
    ['how many days does delivery take?', /business days/],
    ["what is the address of your clinics", /four clinics|Lakeshore|Riverside/],
    ['which payment methods do you take?', /Visa/],
    ["what's the policy on returns?", /30/],
  ])('"%s" gets the article, not a fallback or an order number reading', async (question, answer) => {
    const gateway = new RecordingHandoffGateway();
    const bot = createDialogTestBot({ gateway, domain: createDomainServices({ now }), dialogDeps: { now } });
    const reply = textOf(await bot.say(question));
    expect(reply).toMatch(answer);
    expect(reply).not.toMatch(notUnderstood);
    expect(reply).not.toMatch(/order number/);
    expect(gateway.requests).toHaveLength(0);
  });

  it('paying a bill is a question, not a billing dispute handed to a person', async () => {
    const gateway = new RecordingHandoffGateway();
    const bot = createDialogTestBot({ gateway, domain: createDomainServices({ now }), dialogDeps: { now } });
    expect(textOf(await bot.say('how can I pay my bill online?'))).toMatch(/pay it online|card/);
    expect(gateway.requests).toHaveLength(0);
    expect(textOf(await bot.say('I was charged twice for the same visit'))).toMatch(/queue/);
    expect(gateway.requests).toHaveLength(1);
  });
});

describe('misunderstanding and the offer of a person', () => {
  const gibberish = ['blorp zzzt', 'fnargle wump', 'qwxz plimf'];

  it.each([['yes please'], ['sure'], ['Yes'], ['Talk to a human']])('"%s" after the offer hands over', async (answer) => {
    const gateway = new RecordingHandoffGateway();
    const bot = createDialogTestBot({ gateway, domain: createDomainServices({ now }), dialogDeps: { now } });
    for (const text of gibberish) await bot.say(text);
    expect(textOf(await bot.say(answer))).toMatch(/queue/);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]?.decision.reasonCodes.some((r) => r === 'repeated_fallback' || r === 'user_requested')).toBe(true);
  });

  it('"no thanks" is accepted, and the same offer is not simply repeated', async () => {
    const gateway = new RecordingHandoffGateway();
    const bot = createDialogTestBot({ gateway, domain: createDomainServices({ now }), dialogDeps: { now } });
    for (const text of gibberish) await bot.say(text);
    const declined = textOf(await bot.say('no thanks'));
    expect(declined).toMatch(/OK/);
    expect(declined).not.toMatch(/welcome|didn't understand/);
    expect(textOf(await bot.say('zzkx vrrm'))).not.toMatch(/Would you like me to connect you/);
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('forms keep their place', () => {
  it('finishing registration offers to book a visit, and yes starts the booking', async () => {
    const domain = createDomainServices({ now });
    const bot = createDialogTestBot({ domain, dialogDeps: { now } });
    await bot.run([
      ['I am a new patient', /full name/],
      ['Rosa Diaz', /date of birth/],
      ['1975-02-11', /phone/],
      ['(212) 555-0188', /email/],
      ['rosa.diaz@example.com', /reason/],
      ['yearly check-up', /symptoms/],
      ['none', /medications/],
      ['none', /allergies/],
      ['none', /insurance/],
      ['self-pay', /agree/],
      ['yes', /Here's what I have[\s\S]*"submit"/],
      ['submit', /registration is submitted[\s\S]*book your first visit/],
      ['yes', /What kind of appointment/],
    ]);
    expect(await domain.intake.list()).toHaveLength(1);
  });
});
