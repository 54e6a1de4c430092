import { loadArticles } from '../../../src/domain/knowledge/article';
import { providerDirectoryArticle } from '../../../src/domain/knowledge/providerDirectory';
import { TfidfKnowledgeBase } from '../../../src/domain/knowledge/tfidfKnowledgeBase';
import { sampleCalendar } from '../../../src/domain/scheduling/sampleCalendar';

describe('providerDirectoryArticle', () => {
  const article = providerDirectoryArticle(sampleCalendar);

  it('writes one passage per provider from the calendar, days with the same hours together', () => {
    expect(article.passages).toHaveLength(sampleCalendar.providers.length + 1);
    const chen = article.passages.find((p) => p.heading === 'Dr. Michael Chen');
    expect(chen?.text).toBe(
      'Dr. Michael Chen, Dermatology (dermatologist), sees patients at Riverside Health Center, New York: Tuesday and Thursday, 9:00 AM to 4:00 PM; Saturday, 9:00 AM to 12:00 PM (local time). Other days Dr. Michael Chen does not work.',
    );
  });

  it('lets the knowledge base answer questions about a provider\'s days and who a specialist is', () => {
    const kb = new TfidfKnowledgeBase({ articles: [...loadArticles(), article] });
    expect(kb.answer('what days does dr chen work?')?.text).toMatch(/^Dr\. Michael Chen.*Saturday/);
    expect(kb.answer('is dr brennan in on fridays')?.text).toMatch(/^Dr\. Kate Brennan.*Monday, Tuesday and Thursday/);
    expect(kb.answer('who is the cardiologist')?.text).toMatch(/Brennan/);
    expect(kb.answer('do yall take united healthcare', { topic: 'Insurance we accept' })?.text).toMatch(/UnitedHealthcare/);
  });
});
