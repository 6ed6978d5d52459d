// One register for users in Chinese: the widget, the ticket screens, the starter articles and the emails to users
// say 您 (the server's notices are checked in notices.test.ts), so a student never reads 你 and 您 side by side.
// A user's own words quoted in an article (“你们支持哪些浏览器？”) stay as they would say them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyEmail } from '../../server/domain/integrations/email/email-templates';
import { texts as widgetZh } from '../../widget/i18n/zh-CN';
import { ticketTextsZh } from '../../widget/tickets/i18n/zh-CN';

const ARTICLES = join(__dirname, '../../content/articles');

/** Every text of a dictionary, however deep. */
const allTexts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(allTexts) : [];

describe('Chinese for users', () => {
  it('addresses the user as 您 in every widget and ticket text', () => {
    const texts = [...allTexts(widgetZh), ...allTexts(ticketTextsZh)];
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((text) => text.includes('你'))).toEqual([]);
    expect(texts.some((text) => text.includes('您'))).toBe(true);
  });

  it('addresses the reader as 您 in every starter article, quoted user questions aside', () => {
    const files = readdirSync(ARTICLES).filter((name) => name.endsWith('.zh-CN.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join(ARTICLES, file), 'utf8').replace(/“[^”]*”/g, '');
      expect(text.match(/.{0,12}你.{0,12}/g), file).toBeNull();
    }
  });

  it('addresses the user as 您 in the email about an unread reply', () => {
    const mail = replyEmail('zh-CN', 'x@school.example', {
      userName: '小明',
      authorName: 'Li Wei',
      reply: '请检查耳机。',
      ticketNumber: 'CS-000001',
      link: 'https://s.example/t',
    });
    expect(mail.text).toContain('您');
    expect(mail.text).not.toContain('你');
  });
});
