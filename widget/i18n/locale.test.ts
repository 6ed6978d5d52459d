import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLocale, supportedLocale } from './locale';

afterEach(() => vi.unstubAllGlobals());

function page(htmlLang: string, languages: string[]) {
  vi.stubGlobal('document', { documentElement: { lang: htmlLang } });
  vi.stubGlobal('navigator', { languages, language: languages[0] ?? '' });
}

describe('the widget language', () => {
  it('reads any Chinese as zh-CN and any English as en, nothing else', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'zh_Hans', 'ZH-cn'].map(supportedLocale)).toEqual(Array(5).fill('zh-CN'));
    expect(['en', 'en-GB', 'EN-us'].map(supportedLocale)).toEqual(['en', 'en', 'en']);
    expect(['fr', 'zhx', 'english', '', undefined, 42].map(supportedLocale)).toEqual(Array(6).fill(null));
  });

  it('takes init, then data-locale, then <html lang>, then the browser, skipping what it does not speak', () => {
    page('en', ['zh-CN']);
    expect(pageLocale('zh-CN', undefined)).toBe('zh-CN');
    expect(pageLocale(undefined, 'zh')).toBe('zh-CN');
    expect(pageLocale('fr', undefined)).toBe('en');
    page('', ['fr-FR', 'zh-CN', 'en']);
    expect(pageLocale(undefined, undefined)).toBe('zh-CN');
    page('de', ['de-DE']);
    expect(pageLocale(undefined, undefined)).toBe('en');
  });
});
