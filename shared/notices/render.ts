// Renders a notice in one language: the widget, the console and the server's e-mails all call this.
import type { Notice } from './notice-schema';
import { noticeLocale, type NoticeLocale } from './locale';
import type { NoticeFormat, NoticeTemplates } from './templates';
import { EN } from './templates-en';
import { ZH_CN } from './templates-zh-cn';

const TEMPLATES: Record<NoticeLocale, NoticeTemplates> = { en: EN, 'zh-CN': ZH_CN };
const formats = new Map<NoticeLocale, NoticeFormat>();

function formatFor(locale: NoticeLocale): NoticeFormat {
  let format = formats.get(locale);
  if (!format) {
    const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    format = { days: (n) => days.format(n), dateTime: (ms) => dateTime.format(ms) };
    formats.set(locale, format);
  }
  return format;
}

/** The notice in `locale` (any BCP 47 tag: 'zh', 'zh-Hans' and 'zh-CN' read Chinese; the rest English). */
export function renderNotice(notice: Notice, locale: string): string {
  const lang = noticeLocale(locale);
  const template = TEMPLATES[lang][notice.code] as (n: Notice, f: NoticeFormat) => string;
  return template(notice, formatFor(lang));
}
