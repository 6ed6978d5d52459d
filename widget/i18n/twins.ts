// For unit tests: two dictionaries are twins — the same parts, keys and placeholders, the Chinese one in Chinese.
import { expect } from 'vitest';

type Dictionary = Record<string, Record<string, string>>;

export const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
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
