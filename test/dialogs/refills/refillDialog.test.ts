import type { RefillTicket } from '../../../src/domain/refills/refillTicket';
import { createDomainServices } from '../../../src/domain/createDomainServices';
import { BusinessCalendar } from '../../../src/handoff/businessCalendar';
import { loadConfig } from '../../../src/config';
import { patientRefOf } from '../../../dialogs/patientRef';
import { TestClock } from '../../support/testClock';
import { createDialogTestBot, type DialogCase, testChannelId, testUser } from '../support/dialogTestBot';

interface RefillCase extends DialogCase {
  /** The tickets filed, in order (only the fields given are checked); none when empty. */
  readonly tickets: readonly Partial<RefillTicket>[];
  readonly handoffs?: number;
}

const intro = /I can send a refill request to our care team/;
const askName = /Which medication do you need refilled\?/;
const askStrength = (name: string) => new RegExp(`What's the strength of your ${name}\\?`);
const askPharmacy = /Which pharmacy should the prescription go to\?/;
const summary = (medication: string, strength: string, pharmacy: string) =>
  new RegExp(`Medication: ${medication}\\n• Strength: ${strength}\\n• Pharmacy: ${pharmacy}\\nShall I send it to the care team\\?`);
const filed = /your reference is RX-[A-Z0-9]{10}\. They'll answer by Friday, Dec 4\./;
const refusal = /can't give medical advice[\s\S]*connect you with a nurse/;
const cancelled = /cancelled your refill request\. Nothing was saved/;
const advice = /\bmg\b.*(?:safe|fine|ok to take)|you (?:can|should) take/i;

const cases: readonly RefillCase[] = [
  {
    name: 'a routine request is not medical advice: medication, strength and pharmacy, confirmed, filed with a promise',
    steps: [
      ['my prescription needs a refill', new RegExp(`${intro.source}[\\s\\S]*${askName.source}`), refusal],
      ['lisinopril', askStrength('lisinopril')],
      ['10 mg', askPharmacy],
      ['CVS on Main Street', summary('lisinopril', '10 mg', 'CVS on Main Street')],
      ['yes', filed],
    ],
    tickets: [{ medication: 'lisinopril', strength: '10 mg', pharmacy: 'CVS on Main Street', patientRef: patientRefOf(testChannelId, testUser.id) }],
  },
  {
    name: 'ALL CAPS and two things at once: what the request and the answers already say is never asked again',
    steps: [
      ['CAN YOU REFILL MY LISINOPRIL', askStrength('lisinopril'), askName],
      ['10MG AND SEND IT TO THE WALGREENS ON 5TH AVE', summary('lisinopril', '10 mg', 'Walgreens ON 5TH AVE'), askPharmacy],
      ['SEND IT', filed],
    ],
    tickets: [{ medication: 'lisinopril', strength: '10 mg', pharmacy: 'Walgreens ON 5TH AVE' }],
  },
  {
    name: 'typos in the request and the answer are forgiven',
    steps: [
      ['refil my metfromin pls', askStrength('metformin')],
      ['500mgs', askPharmacy],
      ['riteaid', summary('metformin', '500 mg', 'Rite Aid')],
      ['yep', filed],
    ],
    tickets: [{ medication: 'metformin', strength: '500 mg', pharmacy: 'Rite Aid' }],
  },
  {
    name: '"I don\'t know" is an answer: an inhaler without its name, and no dose',
    steps: [
      ["I'm almost out of my inhaler", /You mentioned your inhaler\. What is the medication's name on the label/],
      ['not sure', askStrength('inhaler')],
      ["I don't know the dose", askPharmacy, refusal],
      ['the one on file', summary('inhaler', 'not sure \\(the care team will check your record\\)', 'the pharmacy on file')],
      ['Send it', filed],
    ],
    tickets: [{ medication: 'inhaler', strength: null, pharmacy: 'the pharmacy on file' }],
  },
  {
    name: 'a medicine described by what it is for is taken as the medication',
    steps: [
      ['I need a refill', askName],
      ['my blood pressure pills', askStrength('blood pressure pills'), refusal],
      ['idk', askPharmacy],
      ['Costco', /Medication: blood pressure pills/],
      ['yes', filed],
    ],
    tickets: [{ medication: 'blood pressure pills', strength: null, pharmacy: 'Costco' }],
  },
  {
    name: 'a dosing question in the middle keeps its refusal and nurse offer, and the refill resumes where it was',
    steps: [
      ['can you refill my lisinopril', askStrength('lisinopril')],
      ['can I take ibuprofen with my blood pressure pills?', refusal, advice],
      ['no', new RegExp(`Back to your refill request: ${askStrength('lisinopril').source}`)],
      ['20 mg', askPharmacy],
      ['CVS', summary('lisinopril', '20 mg', 'CVS')],
      ['yes', filed],
    ],
    tickets: [{ medication: 'lisinopril', strength: '20 mg' }],
  },
  {
    name: 'a question at the medication prompt is never stored as the medication name',
    steps: [
      ['I need a refill', askName],
      ['how much tylenol can I take', refusal],
      ['no thanks', new RegExp(`Back to your refill request: ${askName.source}`)],
      ["what's lisinopril for?", new RegExp(`I can't answer that here[\\s\\S]*${askName.source}`), /strength/],
      ['Zoloft', askStrength('Zoloft')],
    ],
    tickets: [],
  },
  {
    name: 'a question about the clinic at the pharmacy prompt is answered in passing',
    steps: [
      ['refill my atorvastatin 20 mg', askPharmacy],
      ['what are your opening hours?', new RegExp(`8:00[\\s\\S]*Back to your refill request: ${askPharmacy.source}`)],
      ['walgreens', summary('atorvastatin', '20 mg', 'Walgreens')],
    ],
    tickets: [],
  },
  {
    name: 'changing their mind at the summary: another medicine asks its strength again; the dose and the pharmacy change in place',
    steps: [
      ['I NEED A REFILL ON MY LISINOPRIL', askStrength('lisinopril')],
      ['10 mg', askPharmacy],
      ['CVS', summary('lisinopril', '10 mg', 'CVS')],
      ["actually it's metformin not lisinopril", /changed it to metformin[\s\S]*What's the strength of your metformin\?/, cancelled],
      ['500mg', summary('metformin', '500 mg', 'CVS')],
      ['change the dose to 1000 mg', summary('metformin', '1000 mg', 'CVS')],
      ['no', /What would you like to change\?/],
      ['pharmacy', askPharmacy],
      ['Target in Midtown', summary('metformin', '1000 mg', 'Target in Midtown')],
      ['looks good', filed],
    ],
    tickets: [{ medication: 'metformin', strength: '1000 mg', pharmacy: 'Target in Midtown' }],
  },
  {
    name: 'two medicines at once: one request each, the second offered after the first',
    steps: [
      ['refill my zoloft and my lipitor please', askStrength('Zoloft')],
      ['50 mg', askPharmacy],
      ['CVS', summary('Zoloft', '50 mg', 'CVS')],
      // The second medicine is a second request of the message: the shared request queue starts it next.
      ['yes', new RegExp(`They'll answer by Friday, Dec 4\\.[\\s\\S]*Next:[\\s\\S]*${askStrength('Lipitor').source}`)],
      ['20 mg', askPharmacy],
      ['CVS', summary('Lipitor', '20 mg', 'CVS')],
      ['yes', filed],
    ],
    tickets: [{ medication: 'Zoloft' }, { medication: 'Lipitor', strength: '20 mg' }],
  },
  {
    name: 'two medicines and a pharmacy in one breath: the second request, queued by the shared request queue, keeps the pharmacy',
    steps: [
      ['refill my zoloft and lipitor at CVS', askStrength('Zoloft')],
      ['50 mg', summary('Zoloft', '50 mg', 'CVS')],
      ['yes', new RegExp(`${filed.source}[\\s\\S]*Next: a refill of Lipitor\\.[\\s\\S]*${askStrength('Lipitor').source}`), /You also mentioned/],
      ['20 mg', summary('Lipitor', '20 mg', 'CVS')],
      ['yes', filed],
    ],
    tickets: [{ medication: 'Zoloft', pharmacy: 'CVS' }, { medication: 'Lipitor', strength: '20 mg', pharmacy: 'CVS' }],
  },
  {
    name: 'answers that say nothing are asked again with the reason, and are never stored',
    steps: [
      ['I need a refill', askName],
      ['hmm', new RegExp(`I need at least the name of the medication[\\s\\S]*${askName.source}`)],
      ['lisinopril', askStrength('lisinopril')],
      ['yes', new RegExp(`couldn't find a strength[\\s\\S]*${askStrength('lisinopril').source}`)],
      ['10', askPharmacy],
      ['ok', new RegExp(`I need the pharmacy[\\s\\S]*${askPharmacy.source}`)],
    ],
    tickets: [],
  },
  {
    name: 'three answers that do not do bring in a person, and nothing is filed',
    steps: [
      ['I need a refill', askName],
      ['hmm', askName],
      ['?', askName],
      ['ok', /having trouble with your refill request[\s\S]*queue/],
    ],
    tickets: [],
    handoffs: 1,
  },
  {
    name: 'another task typed at the medication prompt goes first, and is not stored as the medication',
    steps: [
      ['I need a refill', askName],
      ['book an appointment', /What kind of appointment/, /strength/],
    ],
    tickets: [],
  },
  {
    name: '"talk to a person" mid-form is honoured and nothing is filed',
    steps: [
      ['refill my metformin', askStrength('metformin')],
      ['talk to a person', /queue/],
    ],
    tickets: [],
    handoffs: 1,
  },
  {
    name: 'help explains the task and asks again; "start over" forgets the answers',
    steps: [
      ['refill my metformin', askStrength('metformin')],
      ['help', /taking a refill request for our care team[\s\S]*What's the strength of your metformin\?/],
      ['start over', new RegExp(`start again[\\s\\S]*${askName.source}`)],
    ],
    tickets: [],
  },
];

describe('refill dialog', () => {
  it.each(cases)('$name', async ({ steps, tickets, handoffs }) => {
    const bot = createDialogTestBot();
    await bot.run(steps);
    const stored = await bot.domain.refillTickets.list();
    expect(stored).toEqual(tickets.map((t) => expect.objectContaining(t)));
    expect(bot.gateway.requests).toHaveLength(handoffs ?? 0);
  });

  it.each([['never mind'], ['forget it'], ["i'll do this later"], ['actually I don\'t need it anymore'], ['STOP']])(
    '"%s" in the middle ends the request without filing anything',
    async (leave) => {
      const bot = createDialogTestBot();
      await bot.run([
        ['I need a refill', askName],
        ['lisinopril', askStrength('lisinopril')],
        [leave, cancelled],
      ]);
      expect(await bot.domain.refillTickets.list()).toEqual([]);
    },
  );

  it.each([['how much tylenol can I take'], ['can I take ibuprofen with my blood pressure pills?'], ['is it ok to take my pills with coffee']])(
    'a dosing question on its own, "%s", keeps the refusal and the offer of a nurse',
    async (question) => {
      const bot = createDialogTestBot();
      await bot.run([[question, refusal, /refill request|What's the strength/]]);
    },
  );

  it('promises business days from the calendar: asked on a Friday, answered by Tuesday', async () => {
    const clock = new TestClock(new Date('2026-12-04T15:00:00Z'));
    const config = loadConfig({ BUSINESS_HOURS: 'mon-fri 08:00-18:00', REFILL_REPLY_BUSINESS_DAYS: '2' });
    const bot = createDialogTestBot({
      clock,
      domain: createDomainServices({ now: clock.now }),
      dialogDeps: { businessCalendar: BusinessCalendar.fromConfig(config), refillReplyBusinessDays: config.REFILL_REPLY_BUSINESS_DAYS },
    });
    await bot.run([
      ['refill my lisinopril 10 mg at CVS', summary('lisinopril', '10 mg', 'CVS')],
      ['yes', /They'll answer by Tuesday, Dec 8\./],
    ]);
    const [ticket] = await bot.domain.refillTickets.list();
    expect(ticket).toMatchObject({ replyBy: '2026-12-08T23:00:00.000Z', createdAt: '2026-12-04T15:00:00.000Z' });
  });

  it('tells the agent a ticket exists, never which medicine it is for', async () => {
    const bot = createDialogTestBot();
    await bot.run([
      ['refill my sertraline 50 mg at CVS', summary('sertraline', '50 mg', 'CVS')],
      ['yes', filed],
    ]);
    const noted = JSON.stringify(bot.recorder.insights);
    expect(noted).toMatch(/refill request RX-[A-Z0-9]{10} filed/);
    expect(noted).not.toMatch(/sertraline|50 mg/i);
  });
});
