import { seededRandom } from '../../src/random/seededRandom';

/** One generated item of personal data inside a sentence, and the raw strings that must not survive redaction. */
export interface PiiSample {
  readonly kind: string;
  readonly text: string;
  readonly raw: readonly string[];
}

const firstNames = ['Ann', 'Ben', 'Maria', 'Jordan', 'Wei', 'Fatima', 'Olusegun', 'Priya', 'Lukas', 'Sofia', 'Mateo', 'Chloe'];
const lastNames = ['Lee', 'Ortiz', 'Gonzalez', 'Smith', 'Zhang', 'Haddad', 'Adeyemi', 'Raman', 'Becker', 'Rossi', 'Silva', 'Martin'];
const streets = ['Maple', 'Elm', 'Oak Hill', 'Washington', 'Cedar Grove', 'Sunset', 'Lincoln', 'Pine', 'River Bend', 'Highland'];
const suffixes = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Lane', 'Drive', 'Court', 'Way', 'Place'];
const cities = ['Springfield', 'Riverton', 'Fairview', 'Madison', 'Georgetown', 'Clinton'];
const states = ['IL', 'NY', 'CA', 'TX', 'OH', 'WA'];
const domains = ['example.com', 'mail.example.org', 'corp.example.net', 'example.co.uk'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function luhnCheckDigit(partial: string): number {
  let sum = 0;
  let double = true;
  for (let i = partial.length - 1; i >= 0; i -= 1) {
    let d = partial.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** Seeded generators: the same seed gives the same corpus on every machine. */
export function piiCorpus(seed: number, perKind: number): PiiSample[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const samples: PiiSample[] = [];
  const add = (kind: string, text: string, ...raw: string[]) => samples.push({ kind, text, raw });

  for (let i = 0; i < perKind; i += 1) {
    // SSN: area 001-899 except 666, group 01-99, serial 0001-9999.
    let area = int(1, 899);
    if (area === 666) area = 667;
    const ssn = [pad(area, 3), pad(int(1, 99), 2), pad(int(1, 9999), 4)];
    const ssnForms = [ssn.join('-'), ssn.join(' ')];
    add('ssn', pick([`my ssn is ${pick(ssnForms)}`, `Social security: ${pick(ssnForms)}`, `it's ${ssnForms[0]} for the form`]), ...ssnForms.map((f) => f));
    add('ssn', `SSN ${ssn.join('')} please update`, ssn.join(''));

    // Cards with a valid Luhn digit: Visa 16, Mastercard 16, Amex 15.
    const prefix = pick(['4', '51', '52', '55', '34', '37']);
    const length = prefix.startsWith('3') ? 15 : 16;
    const body = prefix + digits(length - prefix.length - 1);
    const card = body + String(luhnCheckDigit(body));
    const grouped = length === 16 ? card.match(/.{4}/g)!.join(pick([' ', '-'])) : `${card.slice(0, 4)} ${card.slice(4, 10)} ${card.slice(10)}`;
    const cardText = pick([card, grouped]);
    add('card', pick([`charge my card ${cardText} please`, `card number: ${cardText}`, `${cardText} exp 04/29`]), cardText);

    // Dates of birth in many formats.
    const year = int(1930, 2005);
    const month = int(1, 12);
    const day = int(1, 28);
    const dobForms = [
      `${pad(month, 2)}/${pad(day, 2)}/${year}`,
      `${month}/${day}/${year}`,
      `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      `${months[month - 1]} ${day}, ${year}`,
      `${day} ${months[month - 1]} ${year}`,
      `${pad(day, 2)}.${pad(month, 2)}.${year}`,
      `${month}/${day}/${String(year).slice(2)}`,
    ];
    const dob = pick(dobForms);
    add('dob', pick([`my date of birth is ${dob}`, `DOB ${dob}`, `I was born ${dob}`, `birthday: ${dob}`, `patient born on ${dob}, new patient`]), dob);
    add('dob', `I was born on ${months[month - 1]} ${day}`, `${months[month - 1]} ${day}`);

    // Emails.
    const first = pick(firstNames);
    const last = pick(lastNames);
    const email = `${pick([first.toLowerCase(), `${first}.${last}`.toLowerCase(), `${first[0]}${last}${int(1, 99)}`.toLowerCase()])}@${pick(domains)}`;
    add('email', pick([`my email is ${email}`, `send it to ${email} thanks`, `${email}`]), email);

    // Phones in many formats.
    const area3 = String(int(201, 989));
    const exchange = String(int(200, 999));
    const line = pad(int(0, 9999), 4);
    const phone = pick([
      `(${area3}) ${exchange}-${line}`,
      `${area3}-${exchange}-${line}`,
      `${area3}.${exchange}.${line}`,
      `+1 ${area3} ${exchange} ${line}`,
      `+1-${area3}-${exchange}-${line}`,
      `${area3}${exchange}${line}`,
      `+44 20 ${digits(4)} ${digits(4)}`,
    ]);
    add('phone', pick([`call me at ${phone}`, `my number is ${phone}`, `${phone} is my cell`, `text ${phone} after 5pm`]), phone);

    // Street addresses, ZIPs.
    const address = `${int(1, 9999)} ${pick(streets)} ${pick(suffixes)}`;
    const zip = pad(int(1001, 99950), 5);
    add('address', pick([`I live at ${address}`, `ship it to ${address}, apt ${int(1, 40)}`, `my address is ${address}`]), address);
    add('zip', pick([`my zip is ${zip}`, `zip code ${zip}`, `${pick(cities)}, ${pick(states)} ${zip}`, `I live in ${zip}`, zip]), zip);

    // Names given as such.
    const name = `${pick(firstNames)} ${pick(lastNames)}`;
    add('name', pick([`my name is ${name}`, `Hi, my name is ${name.toLowerCase()} and I need help`, `Name: ${name}`, `this is ${name} calling`]), name, name.toLowerCase());
  }
  return samples;
}

/** Text with no personal data in it (order numbers, times, dates, prices, products, our own clinics). */
export function nonPiiCorpus(seed: number, count: number, publicFacts: readonly string[]): string[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const products = ['the Aria desk lamp', 'a queen mattress', 'two phone cases', 'the standing desk', 'running shoes size 10', 'the 4K monitor'];
  const doctors = ['Dr. Amara Okafor', 'Dr. Lee', 'Dr. Patel', 'Dr. Nguyen'];
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const order = `TD-${int(100000, 109999)}`;
    const hour = int(1, 12);
    const time = pick([`${hour}:${String(pick([0, 15, 30, 45])).padStart(2, '0')} ${pick(['AM', 'PM', 'am', 'pm'])}`, `${hour}pm`, `${hour}:30`, `${hour} am`]);
    const date = pick([`March ${int(1, 28)}`, `May ${int(1, 28)}th`, `${int(1, 12)}/${int(1, 28)}`, 'next Tuesday', 'tomorrow afternoon']);
    const price = pick([`$${int(5, 999)}.${String(int(0, 99)).padStart(2, '0')}`, `$${int(1, 9)},${String(int(0, 999)).padStart(3, '0')}.99`, `${int(5, 500)} dollars`]);
    out.push(
      pick([
        `where is my order ${order}`,
        `order ${order} was supposed to arrive ${date}`,
        `Your appointment is on ${date} at ${time} EST with ${pick(doctors)}.`,
        `${time} with ${pick(doctors)} works for me`,
        `I paid ${price} for ${pick(products)} on order ${order}`,
        `can I return ${pick(products)} from order #${int(100000, 109999)}?`,
        `Can I come in on ${date} at ${time}?`,
        `We are at ${pick(publicFacts)}.`,
        `The refund of ${price} was issued on ${date}.`,
      ]),
    );
  }
  return out;
}
