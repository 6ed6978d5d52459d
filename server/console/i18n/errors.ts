// Errors as agents read them: the server's typed code in the console's language. In English the server's own
// message stays (it is more specific, and what English agents saw before); other languages use the code's text.
import type { ErrorCode } from '../../../shared/errors';
import { texts } from './i18n';
import { $locale } from './locale';

const errorTexts = texts('errors');

export type LocalCode = ErrorCode | 'offline' | 'timeout' | 'dropped' | 'unreachable';

/** A wire error with its message in the agent's language. */
export function localError<E extends { code: string; message: string }>(error: E): E {
  if ($locale.get() === 'en' && error.message) return error;
  const t = errorTexts.get() as unknown as Record<string, unknown>;
  const text = t[error.code];
  return typeof text === 'string' ? { ...error, message: text } : error;
}

/** The console's own failure (no answer, no connection) in the agent's language. */
export function consoleError(code: 'offline' | 'timeout' | 'dropped' | 'unreachable'): { code: 'offline' | 'timeout' | 'internal'; message: string } {
  const message = errorTexts.get()[code];
  return { code: code === 'timeout' ? 'timeout' : code === 'unreachable' ? 'internal' : 'offline', message };
}

/** "The server answered 502 Bad Gateway" when a proxy or crash page answered instead of the API. */
/** The notice on the sign-in page after the server ended the session. */
export const sessionEnded = (): string => errorTexts.get().sessionEnded;

export const serverAnswered = (status: string): string => errorTexts.get().serverAnswered({ status });
