// When support opens again, in the visitor's language and their own time zone (the browser's): the weekday,
// date and time with the zone's short name, so "back Tuesday 8:00 AM" cannot be misread across zones.
import type { WidgetLocale } from './locale';

export function opensAtText(opensAt: number, locale: WidgetLocale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(opensAt);
}
