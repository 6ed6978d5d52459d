// The languages notices (and the console) are written in, and how a BCP 47 tag maps onto one of them.
export const NOTICE_LOCALES = ['en', 'zh-CN'] as const;
export type NoticeLocale = (typeof NOTICE_LOCALES)[number];

/** 'zh', 'zh-CN', 'zh-Hans-CN'… → 'zh-CN'; anything else (or nothing) → 'en'. */
export function noticeLocale(tag: string | null | undefined): NoticeLocale {
  return tag && /^zh(\b|[-_])/i.test(tag) ? 'zh-CN' : 'en';
}
