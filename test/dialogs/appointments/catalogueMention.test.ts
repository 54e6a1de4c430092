import { findMention } from '../../../dialogs/appointments/catalogueMention';
import { sampleCalendar } from '../../../src/domain/scheduling/sampleCalendar';

const find = (text: string) => findMention(text, sampleCalendar.appointmentTypes, sampleCalendar.providers);

describe('findMention', () => {
  it.each([
    ['I need an annual physical', { typeId: 'annual-physical' }],
    ['book physical therapy please', { typeId: 'pt-session' }],
    ['can I see Dr. Okafor next week', { providerId: 'prov-okafor' }],
    ['a skin check with Dr Chen', { typeId: 'skin-check', providerId: 'prov-chen' }],
    ['I want to book an appointment', {}],
  ] as const)('finds what %p names', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});
