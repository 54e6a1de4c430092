import { createDialogTestBot } from './support/dialogTestBot';

describe('disambiguation dialog', () => {
  it('a pick keeps what the unclear message said: "skin check please", "1" asks only for the day', async () => {
    await createDialogTestBot().run([
      ['skin check please', /which did you mean\?\n1\. Book an appointment/],
      ['1', /What day would you like\?/, /What kind of appointment/],
    ]);
  });

  it('a bare detail instead of a pick carries on with the one task the bot does itself, with both messages', async () => {
    await createDialogTestBot().run([
      ['skin check please', /which did you mean\?/],
      ['on the 20th', /December 20[\s\S]*Dr\. Michael Chen/, /didn't understand|What kind of appointment/],
    ]);
  });

  it('a new request instead of a pick is routed afresh', async () => {
    await createDialogTestBot().run([
      ['skin check please', /which did you mean\?/],
      ['what are your opening hours?', /8:00 AM/],
    ]);
  });
});
