// The shape every language's templates share: one function per notice code (the type checker keeps them complete).
import type { NoticeCode, NoticeOf } from './notice-schema';

/** Locale-aware formatters a template may use for numbers, durations and dates. */
export interface NoticeFormat {
  /** A whole number of days, e.g. "7 days" / "7天". */
  days(count: number): string;
  /** A date and time, e.g. "Dec 7, 2026, 2:05 PM" / "2026年12月7日 14:05". */
  dateTime(epochMs: number): string;
}

export type NoticeTemplates = { [C in NoticeCode]: (notice: NoticeOf<C>, format: NoticeFormat) => string };
