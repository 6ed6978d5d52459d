// Both languages say everything: the same parts, keys and placeholders in English and Chinese, and every text
// with a placeholder is filled through `params` (a missing marker would show "{name}" to the visitor).
import { beforeAll, describe, expect, it } from 'vitest';
import { texts as en } from './en';
import { texts as zh } from './zh-CN';
import { useLocalTexts } from './local-texts';
import { chatText, errorsText, helpText, launcherTexts, panelText, statusText } from './messages';

type Dictionary = Record<string, Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3400-\u9fff]/;

/** Compares two dictionaries part by part, key by key: the same keys, the same placeholders, Chinese in Chinese. */
export function expectTwins(english: Dictionary, chinese: Dictionary): void {
  expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  for (const part of Object.keys(english)) {
    expect(Object.keys(chinese[part]!).sort(), part).toEqual(Object.keys(english[part]!).sort());
    for (const [key, text] of Object.entries(english[part]!)) {
      const twin = chinese[part]![key]!;
      expect(placeholders(twin), `${part}.${key}`).toEqual(placeholders(text));
      expect(twin, `${part}.${key} is written in Chinese`).toMatch(CJK);
      expect(text.trim(), `${part}.${key} is not empty`).not.toBe('');
    }
  }
}

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
