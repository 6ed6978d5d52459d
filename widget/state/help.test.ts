import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../shared/errors';
import type { ArticleHit, ArticlePage } from '../../shared/articles';
import type { SearchArticles } from '../../shared/article-schemas';
import { $conversation } from './conversation';
import { conversation, fakeWire } from './fake-wire';
import { $attached, $helped, $homeArticles, $reading, $suggested, $typedArticles, answerArticle, configureHelp, openArticle } from './help';
import { $connection } from './session';
import { $draft, $open } from './ui';
import { OFFLINE } from './wire';
import { $locale } from '../i18n/locale';

/** Lets the fake server answer (timers are fake here, so it is advanced, not waited for). */
const settle = () => vi.advanceTimersByTimeAsync(1);

const hit = (slug: string): ArticleHit => ({ id: `id-${slug}`, slug, locale: 'en', title: slug.replace(/-/g, ' '), summary: '' });
const page = (slug: string): ArticlePage => ({ ...hit(slug), html: '<p>Fix</p>', tags: [], updatedAt: 1, translations: ['zh-CN'] });

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/120.0', language: 'en-GB' });
  vi.stubGlobal('location', { href: 'https://class.example/room/7' });
  $locale.set('en');
  configureHelp('https://support.example/');
  $conversation.set(null);
  $draft.set('');
  $reading.set(null);
  $attached.set([]);
  $helped.set(false);
  $suggested.set([]);
});

afterEach(() => {
  $open.set(false);
  $connection.set('idle');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('articles while the first message is typed', () => {
  it('searches once the visitor pauses, and shows only the answer to the latest words', async () => {
    const wire = fakeWire({ 'articles:search': ({ query }: SearchArticles) => ok([hit(query.includes('teacher') ? 'cant-hear-others' : 'others')]) });
    $draft.set('I cannot');
    vi.advanceTimersByTime(100);
    $draft.set('I cannot hear the teacher');
    vi.advanceTimersByTime(300);
    await settle();
    expect(wire.calls.map((c) => c.payload)).toEqual([{ query: 'I cannot hear the teacher', locale: 'en', limit: 3 }]);
    expect($typedArticles.get().map((h) => h.slug)).toEqual(['cant-hear-others']);
  });

  it('offers nothing once a chat is under way, nor for a single letter', async () => {
    const wire = fakeWire({ 'articles:search': () => ok([hit('x')]) });
    $draft.set('a');
    vi.advanceTimersByTime(300);
    $conversation.set(conversation({ status: 'active' }));
    $draft.set('still no sound');
    vi.advanceTimersByTime(300);
    await settle();
    expect(wire.calls).toEqual([]);
    expect($typedArticles.get()).toEqual([]);
  });

  it('shows the home suggestions when the panel opens online, with the classroom context', async () => {
    const wire = fakeWire({ 'articles:suggest': () => ok([hit('weak-network')]) });
    $connection.set('online');
    $open.set(true);
    await settle();
    expect(wire.calls[0]).toMatchObject({ event: 'articles:suggest', payload: { locale: 'en', limit: 4, context: { browser: 'Chrome 120' } } });
    expect($homeArticles.get().map((h) => h.slug)).toEqual(['weak-network']);
    $draft.set('typing hides them');
    expect($homeArticles.get()).toEqual([]);
  });
});

describe('reading an article', () => {
  it('"This helped" ends the flow: no chat, the draft cleared, a thank-you shown', async () => {
    const wire = fakeWire({
      'article:get': () => ok(page('cant-hear-others')),
      'article:feedback': () => ok({ outcome: 'deflected', conversationId: null }),
    });
    $draft.set('I cannot hear the teacher');
    openArticle(hit('cant-hear-others'));
    await settle();
    expect($reading.get()?.page?.slug).toBe('cant-hear-others');
    answerArticle(true);
    await settle();
    expect(wire.calls.map((c) => c.event)).not.toContain('conversation:start');
    expect(wire.calls.at(-1)?.payload).toMatchObject({ articleId: 'id-cant-hear-others', helpful: true });
    expect($reading.get()).toBeNull();
    expect($draft.get()).toBe('');
    expect($helped.get()).toBe(true);
  });

  it('keeps the article open with a message when "This helped" cannot be sent', async () => {
    fakeWire({ 'article:get': () => ok(page('echo')), 'article:feedback': () => fail('internal', 'down') });
    openArticle(hit('echo'));
    await settle();
    answerArticle(true);
    await settle();
    expect($reading.get()).toMatchObject({ error: { code: 'answerFailed' } });
    expect($helped.get()).toBe(false);
  });

  it('"I still need help" returns to the chat at once, draft kept, article noted for the agent — even offline', async () => {
    fakeWire({
      'article:get': () => ok(page('others-cant-hear-me')),
      'article:feedback': () => Promise.reject(new Error(OFFLINE)),
    });
    $draft.set('Nobody hears me');
    openArticle(hit('others-cant-hear-me'));
    await settle();
    answerArticle(false);
    expect($reading.get()).toBeNull();
    expect($draft.get()).toBe('Nobody hears me');
    expect($attached.get().map((a) => a.slug)).toEqual(['others-cant-hear-me']);
    $conversation.set(conversation({ status: 'queued' }));
    expect($attached.get()).toEqual([]);
  });

  it('says so when the article cannot be loaded', async () => {
    fakeWire({ 'article:get': () => fail('not_found', 'No such article') });
    openArticle({ slug: 'gone', locale: 'en' });
    await settle();
    expect($reading.get()).toMatchObject({ error: { code: 'not_found', message: 'No such article' } });
  });
});
