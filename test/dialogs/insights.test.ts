import { turnInsightSchema } from '../../src/handoff/insights';
import { createDialogTestBot } from './support/dialogTestBot';

describe('what dialogs tell the agent (insights)', () => {
  it('an order lookup records the verified order id and the answer, never the email used to verify', async () => {
    const bot = createDialogTestBot();
    await bot.run([['Where is my order TD-100002? My email is ben.ortiz@example.com', /being prepared/]]);
    const insights = bot.recorder.insights.map((i) => i.insight);
    for (const insight of insights) expect(turnInsightSchema.safeParse(insight).success).toBe(true);
    expect(insights).toContainEqual(expect.objectContaining({ slots: { orderId: 'TD-100002' } }));
    expect(insights.flatMap((i) => i.lookups ?? [])).toContainEqual({ kind: 'order.status', summary: expect.stringMatching(/TD-100002 .+ being prepared/) });
    expect(JSON.stringify(insights)).not.toMatch(/ben\.ortiz|@example\.com/);
  });

  // The member id question only counts once a payer that needs it is known.
  it('a form records its progress and the current question, never the answers', async () => {
    const bot = createDialogTestBot();
    await bot.run([
      ["I'd like to register as a new patient", /full name/],
      ['Ann Lee', /date of birth/],
    ]);
    const forms = bot.recorder.insights.map((i) => i.insight.form).filter((f) => f);
    expect(forms.at(-1)).toEqual({ form: 'intakePatient', completed: 1, total: 10, currentField: 'dateOfBirth' });
    expect(JSON.stringify(bot.recorder.insights)).not.toContain('Ann Lee');
  });
});
