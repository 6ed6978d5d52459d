// Both languages say everything: the same parts, keys and placeholders in English and Chinese, and every text
// with a placeholder is filled through `params` (a missing marker would show "{name}" to the visitor).
import { beforeAll, describe, expect, it } from 'vitest';
import { texts as en } from './en';
import { texts as zh } from './zh-CN';
import { useLocalTexts } from './local-texts';
import { chatText, errorsText, helpText, launcherTexts, panelText, statusText } from './messages';
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
      const stores = { panel: panelText, status: statusText, chat: chatText, help: helpText, errors: errorsText };
      expect(Object.keys(stores).sort()).toEqual(Object.keys(en).sort());
      for (const [part, store] of Object.entries(stores)) {
        for (const [key, text] of Object.entries((en as Dictionary)[part]!)) {
          const value = (store.get() as Record<string, unknown>)[key];
          expect(typeof value, `${part}.${key}`).toBe(placeholders(text).length ? 'function' : 'string');
        }
      }
      expect(statusText.get().waitingAt({ position: 4 })).toBe('Waiting for an agent… You are number 4 in the queue.');
    });
  });
});
