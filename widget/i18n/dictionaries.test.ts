// Both languages say everything: the same parts, keys and placeholders in English and Chinese, and every text
// with a placeholder is filled through `params` (a missing marker would show "{name}" to the visitor).
import { beforeAll, describe, expect, it } from 'vitest';
import { texts as en } from './en';
import { texts as zh } from './zh-CN';
import { useLocalTexts } from './local-texts';
import { chatText, errorsText, helpText, hoursText, incidentText, launcherTexts, panelText, qualityText, ratingText, statusText } from './messages';
import { expectTwins, placeholders } from './twins';

type Dictionary = Record<string, Record<string, string>>;

describe('widget dictionaries', () => {
  it('the panel says the same things in English and Chinese', () => {
    expectTwins(en, zh);
  });

  it('the launcher too', () => {
    expectTwins({ launcher: launcherTexts.en }, { launcher: launcherTexts['zh-CN'] });
  });

  describe('parameters', () => {
    beforeAll(() => useLocalTexts('en'));

    it('every text with a placeholder is a function of its values, every other one a plain text', () => {
      const stores = {
        panel: panelText,
        status: statusText,
        chat: chatText,
        help: helpText,
        errors: errorsText,
        quality: qualityText,
        rating: ratingText,
        incident: incidentText,
        hours: hoursText,
      };
      expect(Object.keys(stores).sort()).toEqual(Object.keys(en).sort());
      for (const [part, store] of Object.entries(stores)) {
        for (const [key, text] of Object.entries((en as Dictionary)[part]!)) {
          const value = (store.get() as Record<string, unknown>)[key];
          expect(typeof value, `${part}.${key}`).toBe(placeholders(text).length ? 'function' : 'string');
        }
      }
      expect(statusText.get().waitingAt({ position: 4 })).toBe('Waiting for an agent… You are number 4 in the queue.');
      expect(ratingText.get().ticket({ number: 'CS-000007' })).toBe('Ticket CS-000007 is resolved. Rate how we handled it.');
    });
  });

  it('the connection notice and the rating card follow the widget language live', async () => {
    const seen: string[] = [];
    const stop = qualityText.subscribe((texts) => typeof texts.help === 'string' && seen.push(texts.help));
    await useLocalTexts('en');
    expect(qualityText.get().help).toBe('Get help');
    await useLocalTexts('zh-CN');
    expect(qualityText.get().help).toBe('获取帮助');
    expect(ratingText.get().score({ score: 4 })).toBe('4 分（满分 5 分）');
    expect(ratingText.get().ticket({ number: 'CS-000007' })).toBe('工单 CS-000007 已解决，请为我们的处理评分。');
    expect(seen).toContain('Get help');
    expect(seen.at(-1)).toBe('获取帮助');
    stop();
    await useLocalTexts('en');
  });
});
