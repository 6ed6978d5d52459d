// Canned replies: loaded once per session (again when an admin edits them), searched after "/" in the reply box.
import { atom } from 'nanostores';
import type { CannedReply } from '../../../shared/routing-model';
import { noticeLocale } from '../../../shared/notices/locale';
import { request } from './connection';

export const $canned = atom<CannedReply[]>([]);

export async function loadCanned(): Promise<void> {
  const result = await request((link) => link.ask('canned:list'));
  if (result.ok) $canned.set(result.data);
}

/**
 * Best first: replies in the user's language (when known) before the others, then shortcuts starting with the
 * query, then titles, then texts containing it. At most `limit`.
 */
export function searchCanned(replies: readonly CannedReply[], query: string, limit = 8, userLocale?: string): CannedReply[] {
  const language = userLocale ? noticeLocale(userLocale) : null;
  const other = (reply: CannedReply) => (language && reply.locale !== language ? 1 : 0);
  const q = query.trim().toLowerCase();
  const rank = (reply: CannedReply): number => {
    if (!q) return 0;
    if (reply.shortcut.startsWith(q)) return 0;
    if (reply.shortcut.includes(q)) return 1;
    if (reply.title.toLowerCase().includes(q)) return 2;
    if (reply.text.toLowerCase().includes(q)) return 3;
    return -1;
  };
  return replies
    .map((reply) => ({ reply, rank: rank(reply) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => other(a.reply) - other(b.reply) || a.rank - b.rank || a.reply.shortcut.localeCompare(b.reply.shortcut))
    .slice(0, limit)
    .map((r) => r.reply);
}

/** The "/query" being typed at the start of the reply box or after a space, if the caret is in one. */
export function cannedQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)\/([\w-]{0,32})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** Fills {name} (the user's first name) and {agent} (my name) in a canned reply. */
export function fillCanned(text: string, values: { userName: string; agentName: string }): string {
  const firstName = values.userName.split(/\s+/)[0] || values.userName;
  return text.replaceAll('{name}', firstName).replaceAll('{agent}', values.agentName);
}
