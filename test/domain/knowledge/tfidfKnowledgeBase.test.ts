import { loadArticles, parseArticle } from '../../../src/domain/knowledge/article';
import { defaultKnowledgeThreshold, TfidfKnowledgeBase } from '../../../src/domain/knowledge/tfidfKnowledgeBase';
import { analyze } from '../../../src/domain/knowledge/textAnalysis';
import { labelledQuestions, metricsAt, scoreAll, tuneThreshold } from './evaluateKnowledge';

describe('knowledge articles', () => {
  const articles = loadArticles();

  it('ship 10-15 articles with unique ids, titles, tags and several passages', () => {
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(articles.length).toBeLessThanOrEqual(15);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const article of articles) {
      expect(article.title.length).toBeGreaterThan(3);
      expect(article.tags.length).toBeGreaterThan(2);
      expect(article.passages.length).toBeGreaterThan(1);
    }
    for (const topic of ['opening-hours', 'locations', 'return-policy', 'shipping', 'insurance-accepted', 'privacy', 'billing-payment', 'appointment-cancellation-policy', 'contact-human']) {
      expect(articles.map((a) => a.id)).toContain(topic);
    }
  });

  it('splits passages under their headings and strips markdown', () => {
    const article = parseArticle('x.md', '---\nid: x-y\ntitle: X\ntags: a, b\n---\nIntro **bold** text.\n\n## Part two\n- one\n- two\n');
    expect(article.passages).toEqual([
      { id: 'x-y#0', articleId: 'x-y', text: 'Intro bold text.' },
      { id: 'x-y#1', articleId: 'x-y', heading: 'Part two', text: 'one two' },
    ]);
    expect(() => parseArticle('bad.md', 'no front matter')).toThrow(/bad.md: missing front matter/);
    expect(() => parseArticle('bad.md', '---\nid: Not Kebab\ntitle: T\n---\nbody')).toThrow(/kebab-case/);
  });
});

describe('TfidfKnowledgeBase', () => {
  const kb = new TfidfKnowledgeBase();

  it('stems so that inflections meet', () => {
    expect(analyze('Shipping refunds')).toEqual(analyze('shipped refund'));
    expect(analyze('what is the')).toEqual([]);
  });

  it('returns one hit per article, best first, with scores in [0, 1] and a snippet', () => {
    const hits = kb.search('How long do refunds take to reach my card?', 5);
    expect(hits[0]?.article.id).toBe('refunds');
    expect(new Set(hits.map((h) => h.article.id)).size).toBe(hits.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      expect(hit.snippet.length).toBeLessThanOrEqual(301);
    }
    expect(hits[0]?.passage.text).toMatch(/5 to 10 business days/);
  });

  it('answers in-scope questions with the right passage and declines out-of-scope ones', () => {
    expect(kb.answer('Do you take Aetna insurance?')).toMatchObject({ article: { id: 'insurance-accepted' } });
    expect(kb.answer('What time do you open on Saturday?')?.passage.text).toMatch(/Saturday.*9:00 AM/);
    expect(kb.answer('What is the capital of France?')).toBeNull();
    expect(kb.answer('')).toBeNull();
    expect(kb.search('the and of', 3)).toEqual([]);
  });

  it('ships the threshold tuned on the tune split, and it holds up on the holdout split', () => {
    const tune = scoreAll(kb, labelledQuestions.filter((q) => q.split === 'tune'));
    const holdout = scoreAll(kb, labelledQuestions.filter((q) => q.split === 'holdout'));
    expect(tune.length).toBeGreaterThanOrEqual(50);
    expect(holdout.length).toBeGreaterThanOrEqual(30);
    const best = tuneThreshold(tune);
    expect(defaultKnowledgeThreshold).toBe(best.threshold);
    expect(kb.threshold).toBe(defaultKnowledgeThreshold);
    // Floors a little under the measured figures (`npm run kb:tune`: tune 0.893, holdout 0.905 on 112 + 63
    // questions), so a regression in retrieval fails here.
    expect(metricsAt(tune, kb.threshold).accuracy).toBeGreaterThanOrEqual(0.87);
    const held = metricsAt(holdout, kb.threshold);
    expect(held.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(held.precision).toBeGreaterThanOrEqual(0.85);
    expect(held.rejection).toBeGreaterThanOrEqual(0.8);
  });

  it('corrects typos of the articles\' own words, but not real words', () => {
    expect(kb.answer('opning hours?')?.article.id).toBe('opening-hours');
    expect(kb.answer('how do i cook rice')).toBeNull();
  });

  it('shows the passage that states the kind of fact asked for', () => {
    expect(kb.answer('how much is a visit without insurance?')?.text).toMatch(/\$150/);
    expect(kb.answer('how long do you keep my chat history?')?.text).toMatch(/90 days/);
    expect(kb.answer('how long do refunds take to show up on my card?')).toMatchObject({ statesAskedFact: true, text: expect.stringMatching(/5 to 10/) });
    expect(kb.answer('is my health information kept private?')?.statesAskedFact).toBe(false);
  });

  it('answers "where are you located?" with every address, each under its heading, in the article\'s words', () => {
    const text = kb.answer('where are you located?')?.text ?? '';
    for (const street of ['125th Street', 'Clark Street', 'Platte Street', 'Divisadero Street']) expect(text).toContain(street);
    expect(kb.answer("what's the address in New York?")?.text).toMatch(/^415 West 125th Street/);
  });

  it('lets a topic the classifier is sure of answer on less evidence, but not over a much better article', () => {
    const humana = 'do you take Humana?';
    expect(kb.answer(humana, { topic: 'Insurance we accept' })?.article.id).toBe('insurance-accepted');
    expect(kb.answer('how long do refunds take to show up?', { topic: 'Return policy' })?.article.id).toBe('refunds');
  });

  it("answers a question its words can't place from the article on the task under way", () => {
    const cancelLater = 'what happens if I have to cancel later?';
    expect(kb.answer(cancelLater)?.article.id).toBe('order-changes');
    expect(kb.answer(cancelLater, { task: 'appointment' })?.article.id).toBe('appointment-cancellation-policy');
    expect(kb.answer('is there a charge if I need to cancel?', { task: 'appointment' })?.text).toMatch(/24 hours/);
  });

  it('meets "monthly" with "months": a bill split into monthly payments is the payment plan', () => {
    expect(kb.answer('can I split my bill into monthly payments')?.text).toMatch(/payment plan over 3 to 12 months/);
  });

  it('reads "how fast" as asking for a length of time', () => {
    expect(kb.answer('once you get my return how fast is the refund?')?.statesAskedFact).toBe(true);
  });

  it('reads "the return window" as asking for a length of time, which the return policy states', () => {
    const found = kb.answer('whats the return window on stuff i bought');
    expect(found?.article.id).toBe('return-policy');
    expect(found?.statesAskedFact).toBe(true);
  });

  it('keeps the article a question names for itself, whatever the task under way', () => {
    expect(kb.answer('how long does shipping take?', { task: 'appointment' })?.article.id).toBe('shipping');
    expect(kb.answer('what time does the Denver clinic close?', { task: 'appointment' })?.article.id).toBe('opening-hours');
    expect(kb.answer('will I get all my money back if I cancel?', { task: 'order' })?.article.id).toBe('refunds');
  });

  it('reads a very long message for its questions, each repeated sentence once', () => {
    const rant = `what are your opening hours? ${'I looked for this on your website and could not find it anywhere. '.repeat(60)}`;
    expect(kb.answer(rant)?.article.id).toBe('opening-hours');
  });

  it('accepts other articles and thresholds', () => {
    const custom = new TfidfKnowledgeBase({
      threshold: 0.5,
      articles: [
        parseArticle('a.md', '---\nid: parking\ntitle: Parking\ntags: car, garage\n---\nVisitors park in the garage on level 2.'),
        parseArticle('b.md', '---\nid: wifi\ntitle: Wi-Fi\ntags: internet\n---\nThe guest network is called Tandem-Guest.'),
      ],
    });
    expect(custom.answer('where do I park my car')?.article.id).toBe('parking');
    expect(custom.get('wifi')?.title).toBe('Wi-Fi');
    expect(custom.list()).toHaveLength(2);
  });
});
