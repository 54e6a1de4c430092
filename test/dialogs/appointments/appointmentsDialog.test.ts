import type { Attachment } from 'botbuilder';
import { patientRefOf } from '../../../dialogs/patientRef';
import { createDomainServices } from '../../../src/domain/createDomainServices';
import { localParts, zonedToUtc } from '../../../src/domain/scheduling/zonedTime';
import { createDialogTestBot, type DialogCase, testChannelId, testUser, textOf } from '../support/dialogTestBot';

const zone = 'America/New_York';
/** "March 26": a day `days` from today in New York, as a person would type it. */
function dayInWords(days: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', day: 'numeric' }).format(new Date(Date.now() + days * 86_400_000));
}
/** The first Monday-to-Friday at least `minDays` ahead, in words. */
function weekdayInWords(minDays: number): string {
  for (let days = minDays; ; days += 1) {
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(new Date(Date.now() + days * 86_400_000));
    if (weekday !== 'Sat' && weekday !== 'Sun') return dayInWords(days);
  }
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
  const from = new Date(Date.now() + daysAhead * 86_400_000);
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
    const domain = createDomainServices();
    const from = new Date(Date.now() + 8 * 86_400_000);
    const [slot] = await domain.scheduling.findSlots({ typeId: 'follow-up', providerId: 'prov-okafor', from, to: new Date(from.getTime() + 7 * 86_400_000), limit: 1 });
    if (!slot) throw new Error('no slot');
    const local = localParts(new Date(slot.start), zone);
    const clock = `${local.hour % 12 === 0 ? 12 : local.hour % 12}:${String(local.minute).padStart(2, '0')}${local.hour < 12 ? 'am' : 'pm'}`;
    const day = new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', day: 'numeric' }).format(new Date(slot.start));
    const bot = createDialogTestBot({ domain });
    await bot.run([
      ['book a follow-up with Dr. Okafor', when],
      [`${day} at ${clock}`, /Shall I book this: Follow-up visit, .+ with Dr\. Amara Okafor\?/],
      ['yes', /You're booked/],
    ]);
  });

  it("reads times in the user's own zone (activity.localTimezone)", async () => {
    // 5:30am in Los Angeles is 8:30am in New York, when Dr. Okafor starts; in New York it is before opening.
    const steps = (expected: RegExp, forbidden?: RegExp) =>
      [
        ['book a follow-up with Dr. Okafor', when],
        [`${weekdayInWords(15)} at 5:30am`, expected, forbidden],
      ] as const;
    await createDialogTestBot().run(steps(/outside working hours/));
    await createDialogTestBot({ localTimezone: 'America/Los_Angeles' }).run(steps(/8:30 AM E[SD]T/, /outside working hours/));
  });

  it('reschedules an appointment to a new free slot', async () => {
    const domain = createDomainServices();
    const before = await bookFor(domain, testPatient, 10);
    const bot = createDialogTestBot({ domain });
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
    const domain = createDomainServices();
    const other = await bookFor(domain, 'pt-someone-else', 5);
    const mine = await bookFor(domain, testPatient, 6);
    const bot = createDialogTestBot({ domain });
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
    // Freeze both the services and the dialogs at 09:00 on a coming Monday, with an appointment that afternoon.
    const today = localParts(new Date(), zone);
    const daysToMonday = ((8 - today.weekday) % 7) || 7;
    const monday = localParts(new Date(Date.now() + daysToMonday * 86_400_000), zone);
    const clock = zonedToUtc({ year: monday.year, month: monday.month, day: monday.day, hour: 9, minute: 0 }, zone);
    const now = () => clock;
    const domain = createDomainServices({ now });
    const [slot] = await domain.scheduling.findSlots({ typeId: 'annual-physical', providerId: 'prov-okafor', from: new Date(clock.getTime() + 3_600_000), to: new Date(clock.getTime() + 10 * 3_600_000), limit: 1 });
    if (!slot) throw new Error('no slot');
    const booked = await domain.scheduling.book({ slotStart: slot.start, providerId: slot.providerId, typeId: slot.typeId, patientRef: testPatient });
    expect(booked.ok).toBe(true);
    const bot = createDialogTestBot({ domain, dialogDeps: { now } });
    await bot.run([['I want to cancel my appointment', /can't be changed online less than 24 hours before they start\. Please call the clinic\./]]);
    const [still] = await domain.scheduling.listAppointments(testPatient);
    expect(still?.status).toBe('booked');
  });
});
