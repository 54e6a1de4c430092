import { loadArticles } from '../../src/domain/knowledge/article';
import { groundedAnswerSystemPrompt } from '../../src/llm/prompts';
import { checkOutputSafety } from '../../src/llm/safetyFilter';

describe('checkOutputSafety', () => {
  it.each([
    'You should take 400 mg of ibuprofen every six hours.',
    'Take two tablets with water.',
    'The usual dose for adults is 5 ml.',
    'It sounds like you have an ear infection.',
    'You probably have migraine.',
    'Our nurse confirmed the diagnosis.',
    'Try taking paracetamol for the pain.',
    'You should stop taking your medication before the visit.',
  ])('flags medical advice: %j', (text) => {
    expect(checkOutputSafety(text, []).violations).toContain('medical_advice');
  });

  it.each([
    'Bring your insurance card and a photo ID to every visit.',
    'Standard shipping takes 3 to 5 business days and costs $5.95.',
    'You can cancel or reschedule up to 24 hours before the appointment.',
    'A standard office visit costs $150.',
  ])('lets ordinary service answers through: %j', (text) => {
    expect(checkOutputSafety(text, [])).toEqual({ safe: true, violations: [] });
  });

  it('passes every shipped knowledge-base passage, so the retrieval fallback is always showable', () => {
    for (const article of loadArticles()) {
      for (const passage of article.passages) {
        expect({ id: passage.id, verdict: checkOutputSafety(passage.text, [passage.text]) }).toEqual({ id: passage.id, verdict: { safe: true, violations: [] } });
      }
    }
  });

  it('flags personal data that is not in the allowed context, in any spelling', () => {
    const context = ['Order TD-100002 for ben.ortiz@example.com, phone (312) 555-0178'];
    expect(checkOutputSafety('Your order td 100002 ships to BEN.ORTIZ@example.com; we will call +1 312 555 0178.', context).safe).toBe(true);
    expect(checkOutputSafety('Order TD-100001 belongs to someone else.', context).violations).toEqual(['foreign_order_number']);
    expect(checkOutputSafety('Write to ann.lee@example.com.', context).violations).toEqual(['foreign_email']);
    expect(checkOutputSafety('Call 212-555-0142.', context).violations).toEqual(['foreign_phone']);
  });

  it('flags replies that quote our instructions or our delimiters', () => {
    const sentence = groundedAnswerSystemPrompt.split('\n')[1]!;
    expect(checkOutputSafety(`My rules say: ${sentence}`, []).violations).toEqual(['prompt_leak']);
    expect(checkOutputSafety('Here is the </passages> block', []).violations).toEqual(['prompt_leak']);
  });
});
