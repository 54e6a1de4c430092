import { dateOfBirthField, emailField, isRealDate, listField, personNameField, phoneField } from '../../../src/domain/intake/fieldSchemas';
import { legalIntakeFields, legalIntakeSchema } from '../../../src/domain/intake/legalIntakeSchema';
import { patientIntakeFields, patientIntakeSchema } from '../../../src/domain/intake/patientIntakeSchema';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('intake field schemas', () => {
  const dob = dateOfBirthField(() => new Date('2025-06-15T12:00:00Z'));

  it.each([
    ['1984-03-21', '1984-03-21'],
    [' 2000-02-29 ', '2000-02-29'],
    [new Date('1990-07-04T00:00:00Z'), '1990-07-04'],
  ])('accepts the date of birth %j', (input, output) => {
    expect(dob.parse(input)).toBe(output);
  });

  it.each([
    ['2023-02-29', /real date/],
    ['1984-13-01', /real date/],
    ['21/03/1984', /real date/],
    ['2025-06-15', /in the past/],
    ['2030-01-01', /in the past/],
    ['1880-01-01', /check the year/],
    [42, /date of birth/],
  ])('rejects the date of birth %j with a friendly message', (input, message) => {
    expect(firstMessage(dob.safeParse(input))).toMatch(message);
  });

  it('knows real calendar dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-04-31')).toBe(false);
  });

  it('normalises phone numbers to E.164 and explains bad ones', () => {
    const phone = phoneField();
    expect(phone.parse('(212) 555-0142')).toBe('+12125550142');
    expect(phone.parse('+44 20 7946 0958')).toBe('+442079460958');
    expect(firstMessage(phone.safeParse('555-1234'))).toMatch(/area code/);
    expect(firstMessage(phone.safeParse('call me'))).toMatch(/valid phone number/);
  });

  it('lower-cases emails and explains bad ones', () => {
    expect(emailField.parse('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
    expect(firstMessage(emailField.safeParse('ann.lee@'))).toMatch(/name@example\.com/);
  });

  it('accepts real names and refuses noise', () => {
    expect(personNameField.parse('  Zoë O\'Brien-Núñez ')).toBe("Zoë O'Brien-Núñez");
    expect(personNameField.safeParse('x').success).toBe(false);
    expect(firstMessage(personNameField.safeParse('1234'))).toMatch(/letter/);
    expect(firstMessage(personNameField.safeParse('<script>'))).toMatch(/only contain/);
  });

  it('reads lists from one line, and "none" as empty', () => {
    const list = listField('your allergies');
    expect(list.parse('penicillin, latex and peanuts')).toEqual(['penicillin', 'latex', 'peanuts']);
    expect(list.parse('None')).toEqual([]);
    expect(list.parse(['Ibuprofen', 'ibuprofen', ' ', 'vitamin D'])).toEqual(['Ibuprofen', 'vitamin D']);
  });
});

describe('patient intake schema', () => {
  const valid = {
    fullName: 'Ann Lee',
    dateOfBirth: '1984-03-21',
    phone: '212-555-0142',
    email: 'Ann.Lee@example.com',
    reasonForVisit: 'Annual check-up',
    symptoms: 'none',
    medications: 'vitamin D',
    allergies: 'penicillin',
    insurancePayer: 'Aetna',
    insuranceMemberId: 'w123456789',
    consent: true,
  };

  it('parses a complete record', () => {
    expect(patientIntakeSchema.parse(valid)).toEqual({
      ...valid,
      phone: '+12125550142',
      email: 'ann.lee@example.com',
      symptoms: [],
      medications: ['vitamin D'],
      allergies: ['penicillin'],
      insuranceMemberId: 'W123456789',
    });
  });

  it('needs a member id unless the patient pays themselves', () => {
    const { insuranceMemberId: _omitted, ...noMemberId } = valid;
    const result = patientIntakeSchema.safeParse(noMemberId);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['insuranceMemberId'], message: expect.stringMatching(/member ID/) });
    expect(patientIntakeSchema.safeParse({ ...noMemberId, insurancePayer: 'Self-pay' }).success).toBe(true);
  });

  it('requires explicit consent', () => {
    expect(firstMessage(patientIntakeFields.consent.safeParse(false))).toMatch(/consent/);
    expect(patientIntakeSchema.safeParse({ ...valid, consent: 'yes' }).success).toBe(false);
  });
});

describe('legal intake schema', () => {
  it('parses a record and splits other parties without breaking company names', () => {
    const record = legalIntakeSchema.parse({
      fullName: 'Sam Rivera',
      email: 'sam@example.com',
      phone: '312 555 0178',
      matterType: 'housing',
      otherParties: 'Greenfield Property Management, Fabrikam, Inc.; Tom Whitaker',
      summary: 'My landlord is withholding my deposit after I moved out.',
      urgency: 'soon',
      consent: true,
    });
    expect(record.otherParties).toEqual(['Greenfield Property Management', 'Fabrikam, Inc.', 'Tom Whitaker']);
    expect(legalIntakeFields.otherParties.parse('none')).toEqual([]);
  });

  it('explains enum and length problems in plain words', () => {
    expect(firstMessage(legalIntakeFields.matterType.safeParse('tax'))).toMatch(/Please choose one of: Family/);
    expect(firstMessage(legalIntakeFields.urgency.safeParse('asap'))).toMatch(/routine, soon/);
    expect(firstMessage(legalIntakeFields.summary.safeParse('help'))).toMatch(/at least 20 characters/);
  });
});
