// The tickets view says everything in both languages: same parts, keys and placeholders; and switching the
// widget's language switches the view's texts, dates included.
import { describe, expect, it } from 'vitest';
import { expectTwins } from '../../i18n/twins';
import { nextStep } from '../format';
import { environmentLines } from '../environment';
import { followLocale, listText } from '../messages';
import { ticketTexts } from './en';
import { ticketTextsZh } from './zh-CN';

describe('tickets view dictionaries', () => {
  it('are twins', () => {
    expectTwins(ticketTexts as unknown as Record<string, Record<string, string>>, ticketTextsZh);
  });

  it('follow the widget language live', () => {
    let locale = 'zh-CN';
    const listeners: Array<() => void> = [];
    const stop = followLocale(
      () => locale,
      (listener) => {
        listeners.push(listener);
        return () => {};
      },
    );
    expect(listText.get().open).toBe('处理中');
    expect(nextStep({ nextDueAt: 2_000, nextDueFor: 'reply' }, 1_000)).toMatch(/^我们争取在 .+ 前回复$/);
    expect(environmentLines({ role: 'student', network: { rttMs: 420, packetLossPct: 7 }, sdkVersion: '0.1.0' })).toEqual([
      ['身份', '学生'],
      ['网络', '往返时延 420 毫秒，丢包率 7%'],
      ['支持组件', '0.1.0'],
    ]);
    locale = 'en';
    for (const listener of listeners) listener();
    expect(listText.get().open).toBe('In progress');
    stop();
  });
});
