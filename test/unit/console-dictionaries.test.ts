// The console says everything in both languages: the same parts, keys and {placeholders} in English and
// Chinese, Chinese written in Chinese, and every text with a placeholder filled through `params`.
import { describe, expect, it } from 'vitest';
import { EN } from '../../server/console/i18n/en';
import { ZH_CN } from '../../server/console/i18n/zh-CN';
import { texts } from '../../server/console/i18n/i18n';

type Dictionary = Record<string, Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3400-\u9fff]/;

describe('console dictionaries', () => {
  it('has every key of English in Chinese with the same placeholders, and no more', () => {
    const en = EN as unknown as Dictionary;
    const zh = ZH_CN as unknown as Dictionary;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const part of Object.keys(en)) {
      expect(Object.keys(zh[part]!).sort(), part).toEqual(Object.keys(en[part]!).sort());
      for (const [key, text] of Object.entries(en[part]!)) {
        const twin = zh[part]![key]!;
        expect(text.trim(), `${part}.${key}`).not.toBe('');
        expect(placeholders(twin), `${part}.${key}`).toEqual(placeholders(text));
        // Names that are the same in both (P1, L2, SDK) still come with Chinese words around them.
        expect(twin, `${part}.${key} is written in Chinese`).toMatch(CJK);
      }
    }
  });

  it('turns every text with a placeholder into a function of its values', () => {
    for (const part of Object.keys(EN) as Array<keyof typeof EN>) {
      const store = texts(part);
      const unsubscribe = store.listen(() => {});
      for (const [key, text] of Object.entries(EN[part])) {
        const value = (store.get() as Record<string, unknown>)[key];
        expect(typeof value, `${part}.${key}`).toBe(placeholders(text as string).length ? 'function' : 'string');
      }
      unsubscribe();
    }
    expect(texts('inbox').get().waiting({ time: '4 min' })).toBe('waiting 4 min');
  });
});
