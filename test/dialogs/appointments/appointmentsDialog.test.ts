import type { Attachment } from 'botbuilder';
import { patientRefOf } from '../../../dialogs/patientRef';
import { createDomainServices } from '../../../src/domain/createDomainServices';
import { localParts, zonedToUtc } from '../../../src/domain/scheduling/zonedTime';
import { TestClock, testNow } from '../../support/testClock';
import { createDialogTestBot, type DialogCase, testChannelId, testUser, textOf } from '../support/dialogTestBot';

const zone = 'America/New_York';
/** "December 12": a day `days` after the tests' fixed today (Wednesday, December 2, 2026), as a person would type it. */
function dayInWords(days: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', day: 'numeric' }).format(new Date(testNow.getTime() + days * 86_400_000));
}
const testPatient = patientRefOf(testChannelId, testUser.id);
const slotsOffered = /\n1\. .+ with .+\n/;
const when = /What day would you like\?/;

const cases: readonly DialogCase[] = [
  {
    name: 'book: type, day, a real free slot, confirmation, appointment id',
    steps: [
      ["I'd like to book an annual physical", when],
      [dayInWords(10), slotsOffered],
      ['1', /Shall I book this: Annual physical, .+ with .+\?/],
      ['yes', /You're booked: Annual physical with .+ Your appointment id is APT-[A-Z0-9]{8}\./],
    ],
  },
  {
    name: 'book: the kind of visit is offered as choices when not given',
    steps: [
      ['I need to make an appointment', /What kind of appointment would you like\?/],
      ['Follow-up visit', when],
      [dayInWords(9), slotsOffered],
      ['2', /Shall I book this: Follow-up visit/],
      ['no', /Pick another time, or tell me another day/],
      ['1', /Shall I book this/],
      ['yes please', /You're booked: Follow-up visit/],
    ],
  },
  {
    name: 'book: a provider named up front narrows the kinds of visit to theirs',
    steps: [
      ['can I book an appointment with Dr. Chen', /What kind of appointment with Dr\. Michael Chen\?/],
      ['skin check', when],
      [dayInWords(12), /with Dr\. Michael Chen/],
    ],
  },
  {
    name: 'book: a provider who does not offer that visit says so',
    steps: [['I want to book physical therapy with Dr. Okafor', /Dr\. Amara Okafor doesn't offer physical therapy session appointments[\s\S]*What kind of appointment with Dr\. Amara Okafor\?/]],
  },
  {
    name: 'book: a past date is re-asked',
    steps: [['book an annual physical', when], ['January 3, 2020', /Friday, January 3 has already passed\. Which upcoming day/]],
  },
  {
    name: 'book: February 30 is re-asked with the reason',
    steps: [['book an annual physical', when], ['February 30', /There's no February 30/]],
  },
  {
    name: 'book: an unreadable date is re-asked',
    steps: [['book an annual physical', when], ['next blursday', /couldn't read that as a date/]],
  },
  {
    name: 'book: a time outside working hours explains and offers real times that day or after',
    steps: [
      ['book a follow-up with Dr. Okafor', when],
      [`${dayInWords(14)} at 3am`, /Dr\. Amara Okafor isn't seeing patients at .+: that's outside working hours\.[\s\S]*\n1\. /],
    ],
  },
  {
    name: 'book: emoji and huge answers to the date question are re-asked, not crashed on',
    steps: [
      ['book an annual physical', when],
      ['📅📅📅', /couldn't read that as a date/],
      ['x'.repeat(2000), /couldn't read that as a date/],
      [dayInWords(10), slotsOffered],
    ],
  },
  {
    name: 'book: help repeats the question, start over keeps booking, cancel ends it',
    steps: [
      ['book an annual physical', when],
      ['help', /I can book, move or cancel an appointment[\s\S]*What day would you like\?/],
      ['start over', /start again[\s\S]*What kind of appointment would you like\?/],
      ['cancel', /OK, I've cancelled/],
    ],
  },
  // Dates as people mean them; "today" is Wednesday, December 2, 2026, 10:00 AM in New York.
  {
    name: 'dates: a weekday means the coming one, whatever its capitals',
    steps: [['book an annual physical on MONDAY', /Here are free times on Monday, December 7:/, /already passed/]],
  },
  {
    name: 'dates: a part of the day is honoured, and the picked slot keeps it',
    steps: [
      ['could I get an annual physical next Tuesday afternoon?', /free times on Tuesday, December 8 in the afternoon:\n\n1\. /, /\b([5-9]|1[01]):\d\d AM\b/],
      ['the first one', /Shall I book this: Annual physical, Tue, Dec 8, (12|1|2|3|4):\d\d PM/],
    ],
  },
  {
    name: 'dates: evening slots when someone works then; "the last one" picks the last',
    steps: [
      ['any evening appointments for a follow-up on thursday?', /Thursday, December 3 in the evening:[\s\S]*5\. /, /\d:\d\d AM\b/],
      ['the last one', /Shall I book this: Follow-up visit, Thu, Dec 3, \d:\d\d PM/],
    ],
  },
  {
    name: 'dates: a provider who never works in that part of the day says so instead of offering mornings',
    steps: [['book a follow-up with Dr. Okafor on thursday evening', /couldn't find any free times in the evening within 14 days/, /AM/]],
  },
  {
    name: 'dates: a bare hour for an appointment is in the afternoon',
    steps: [['can i see dr okafor next wednesday at 4 for a follow up', /Wed, Dec 9, 4:00 PM EST/, /4:00 AM/]],
  },
  {
    name: 'dates: "after 3" narrows the day already asked for when the customer changes their mind',
    steps: [
      ['book a follow-up', when],
      ['tomorrow', /free times on Thursday, December 3:/],
      ['hmm actually after 3', /free times on Thursday, December 3 after 3:00 PM:/, /\b(1[0-2]|[1-9]):\d\d AM\b|\b(1|2):\d\d PM EST/],
    ],
  },
  {
    name: '"actually, make it Thursday" at the slot list changes the day instead of cancelling',
    steps: [
      ['book a follow-up', when],
      ['friday', /free times on Friday, December 4:/],
      ['actually, make it Thursday', /free times on Thursday, December 3:/, /cancelled/],
    ],
  },
  ...['actually no', 'actually cancel', 'actually never mind'].map((stop) => ({
    name: `"${stop}" at the slot list cancels the booking`,
    steps: [
      ['book a follow-up', when],
      ['friday', /free times on Friday, December 4:/],
      [stop, /OK, I've cancelled/],
    ] as DialogCase['steps'],
  })),
  {
    name: 'dates: "the 3rd" is the coming 3rd, "in two weeks" two weeks on',
    steps: [
      ['book an annual physical', when],
      ['the 3rd', /free times on Thursday, December 3:/, /already passed|couldn't read/],
      ['no, in two weeks', /free times on Wednesday, December 16:/],
    ],
  },
  {
    name: 'dates: a slot list names each clinic and keeps the question out of the last item',
    steps: [['book an annual physical for december 14', /:\n\n1\. [^\n]+ at (Riverside Health Center|Lakeshore Family Clinic)[^\n]*\n[\s\S]*\n5\. [^\n]+\n\n(Times are each clinic.s local time\. )?Which one would you like\?/]],
  },
  {
    name: 'list with nothing booked',
    steps: [['what appointments do I have', /You don't have any upcoming appointments/]],
  },
  {
    name: 'cancel with nothing booked',
    steps: [['I need to cancel my appointment', /can't find any upcoming appointments booked for you/]],
  },
];

function fhirOf(replies: readonly { attachments?: Attachment[] }[]): Attachment | undefined {
  return replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/fhir+json');
}

/** Books straight through the service, for the reschedule and cancel tables. */
async function bookFor(domain: ReturnType<typeof createDomainServices>, patientRef: string, daysAhead: number) {
  const from = new Date(testNow.getTime() + daysAhead * 86_400_000);
  const [slot] = await domain.scheduling.findSlots({ typeId: 'annual-physical', from, to: new Date(from.getTime() + 7 * 86_400_000), limit: 1 });
  if (!slot) throw new Error('no free slot in the sample calendar');
  const booked = await domain.scheduling.book({ slotStart: slot.start, providerId: slot.providerId, typeId: slot.typeId, patientRef });
  if (!booked.ok) throw new Error(booked.message);
  return booked.appointment;
}

describe('appointments dialog', () => {
  it.each(cases)('$name', async ({ steps }) => {
    await createDialogTestBot().run(steps);
  });

  it('attaches the booked appointment as a FHIR Appointment, and lists it afterwards', async () => {
    const bot = createDialogTestBot();
    await bot.run([
      ['book an annual physical', when],
      [dayInWords(11), slotsOffered],
      ['1', /Shall I book this/],
    ]);
    const replies = await bot.say('yes');
    const id = /appointment id is (APT-[A-Z0-9]{8})/.exec(textOf(replies))?.[1];
    const fhir = fhirOf(replies);
    expect(id).toBeDefined();
    expect(fhir?.content).toMatchObject({ resourceType: 'Appointment', id, status: 'booked' });
    const stored = await bot.domain.scheduling.listAppointments(testPatient);
    expect(stored.map((a) => a.id)).toEqual([id]);
    await bot.run([['when is my next appointment', new RegExp(`You have one upcoming appointment:\\n• Annual physical with .+ \\(${id}\\)`)]]);
  });

  it('a free time named exactly goes straight to confirmation', async () => {
    const clock = new TestClock();
    const domain = createDomainServices({ now: clock.now });
    const from = new Date(testNow.getTime() + 8 * 86_400_000);
    const [slot] = await domain.scheduling.findSlots({ typeId: 'follow-up', providerId: 'prov-okafor', from, to: new Date(from.getTime() + 7 * 86_400_000), limit: 1 });
    if (!slot) throw new Error('no slot');
    const local = localParts(new Date(slot.start), zone);
    const time = `${local.hour % 12 === 0 ? 12 : local.hour % 12}:${String(local.minute).padStart(2, '0')}${local.hour < 12 ? 'am' : 'pm'}`;
    const day = new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', day: 'numeric' }).format(new Date(slot.start));
    const bot = createDialogTestBot({ clock, domain });
    await bot.run([
      ['book a follow-up with Dr. Okafor', when],
      [`${day} at ${time}`, /Shall I book this: Follow-up visit, .+ with Dr\. Amara Okafor at Riverside Health Center\?/],
      ['yes', /You're booked/],
    ]);
  });

  it("reads times in the user's own zone (activity.localTimezone)", async () => {
    // 5:30am in Los Angeles is 8:30am in New York, when Dr. Okafor starts; in New York it is before opening.
    const steps = (expected: RegExp, forbidden?: RegExp) =>
      [
        ['book a follow-up with Dr. Okafor', when],
        // Tuesday, December 15: Dr. Okafor's 8:30 slot is free in the seeded calendar.
        ['December 15 at 5:30am', expected, forbidden],
      ] as const;
    await createDialogTestBot().run(steps(/outside working hours/));
    // The conversion is said out loud, and the offer shows both clocks.
    await createDialogTestBot({ localTimezone: 'America/Los_Angeles' }).run(
      steps(/5:30 AM your time \(Pacific Time\) is 8:30 AM at Riverside Health Center \(Eastern Time\)\.\nShall I book this: .+8:30 AM EST with Dr\. Amara Okafor at Riverside Health Center \(5:30 AM your time\)\?/, /outside working hours/),
    );
  });

  it("with no zone from the channel, \"before 9\" is read on the clinic's clock, and the clinic's clock is said out loud", async () => {
    await createDialogTestBot().run([
      [
        'a physical therapy session before 9 on December 14',
        /before 9:00 AM[\s\S]*\n1\. [^\n]+, [78]:\d\d AM MST with Jordan Harris, DPT at Foothills Physical Therapy\n[\s\S]*\nTimes are the clinic's local time \(Mountain Time\)\. Which one/,
        /your time|\b(9|10|11):\d\d AM MST/,
      ],
    ]);
  });

  it('"before 9" holds on both clocks when the channel reports the user\'s zone, or the user says where they are', async () => {
    // 7 AM in Denver, when the therapist starts, is 9 AM in New York: nothing is before 9 on both clocks.
    await createDialogTestBot({ localTimezone: 'America/New_York' }).run([
      ['a physical therapy session before 9 on December 14', /couldn't find any free times before 9:00 AM/, /\n1\. /],
    ]);
    await createDialogTestBot({ localTimezone: 'America/New_York' }).run([
      ["I'm in Denver. a physical therapy session before 9 on December 14", /\n1\. [^\n]+, [78]:\d\d AM MST with Jordan Harris/, /your time|Times are the clinic's/],
    ]);
  });

  it('a user in another zone sees their own clock next to the clinic\'s when the time is taken', async () => {
    // 5:30 AM in Los Angeles is 8:30 AM in New York: taken on December 16 in the seeded calendar.
    await createDialogTestBot({ localTimezone: 'America/Los_Angeles' }).run([
      ['book a follow-up with Dr. Okafor', when],
      ['December 16 at 5:30am', /Wed, Dec 16, 5:30 AM PST \(Wed, Dec 16, 8:30 AM EST at the clinic\) isn't free[\s\S]*\n1\. .+ EST with Dr\. Amara Okafor at Riverside Health Center \(\d+:\d\d AM your time\)/],
    ]);
  });

  it('"move it to Friday" right after a booking moves that appointment, not another one, without asking which', async () => {
    const clock = new TestClock();
    const domain = createDomainServices({ now: clock.now });
    const older = await bookFor(domain, testPatient, 12);
    const bot = createDialogTestBot({ clock, domain });
    await bot.run([['book a follow-up for December 9', slotsOffered], ['1', /Shall I book this/]]);
    const booked = /appointment id is (APT-[A-Z0-9]{8})/.exec(textOf(await bot.say('yes')))?.[1];
    expect(booked).toBeDefined();
    await bot.run([
      ['actually can you move it to Friday', /free times on Friday, December 4:/, /Which appointment/],
      ['2', /Shall I move your appointment to Fri, Dec 4/],
      ['yes', new RegExp(`Done: your follow-up visit \\(${booked}\\) .+ is now on Fri, Dec 4`)],
    ]);
    const mine = await domain.scheduling.listAppointments(testPatient);
    expect(mine.find((a) => a.id === older.id)?.start).toBe(older.start);
  });

  it('reschedules an appointment to a new free slot', async () => {
    const clock = new TestClock();
    const domain = createDomainServices({ now: clock.now });
    const before = await bookFor(domain, testPatient, 10);
    const bot = createDialogTestBot({ clock, domain });
    await bot.run([
      ['I need to reschedule my appointment', /Your Annual physical with .+ What day would you like\?/],
      [dayInWords(20), slotsOffered],
      ['1', /Shall I move your appointment to .+\?/],
      ['yes', new RegExp(`Done: your annual physical \\(${before.id}\\) with .+ is now on`)],
    ]);
    const [after] = await domain.scheduling.listAppointments(testPatient);
    expect(after?.id).toBe(before.id);
    expect(after?.start).not.toBe(before.start);
  });

  it('cancels after confirmation; another patient\'s appointments are never shown', async () => {
    const clock = new TestClock();
    const domain = createDomainServices({ now: clock.now });
    const other = await bookFor(domain, 'pt-someone-else', 5);
    const mine = await bookFor(domain, testPatient, 6);
    const bot = createDialogTestBot({ clock, domain });
    await bot.run([
      ['show my appointments', new RegExp(`You have one upcoming appointment:[\\s\\S]*${mine.id}`), new RegExp(other.id)],
      ['cancel my appointment', /Cancel your Annual physical with .+\?/],
      ['yes', new RegExp(`is cancelled\\. Appointment id ${mine.id}`)],
      ['list my appointments', /You don't have any upcoming appointments/, new RegExp(other.id)],
    ]);
    const [still] = await domain.scheduling.listAppointments('pt-someone-else');
    expect(still?.status).toBe('booked');
  });

  it('refuses to cancel inside the cancellation window and says why', async () => {
    // Services and dialogs at 09:00 on Monday, December 7, with an appointment that afternoon.
    const nineAm = zonedToUtc({ year: 2026, month: 12, day: 7, hour: 9, minute: 0 }, zone);
    const clock = new TestClock(nineAm);
    const domain = createDomainServices({ now: clock.now });
    const [slot] = await domain.scheduling.findSlots({ typeId: 'annual-physical', providerId: 'prov-okafor', from: new Date(nineAm.getTime() + 3_600_000), to: new Date(nineAm.getTime() + 10 * 3_600_000), limit: 1 });
    if (!slot) throw new Error('no slot');
    const booked = await domain.scheduling.book({ slotStart: slot.start, providerId: slot.providerId, typeId: slot.typeId, patientRef: testPatient });
    expect(booked.ok).toBe(true);
    const bot = createDialogTestBot({ clock, domain });
    await bot.run([['I want to cancel my appointment', /can't be changed online less than 24 hours before they start\. Please call the clinic\./]]);
    const [still] = await domain.scheduling.listAppointments(testPatient);
    expect(still?.status).toBe('booked');
  });
});
