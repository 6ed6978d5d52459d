// Who is typing on the support side; expires by itself because a "stopped typing" notice can be lost.
import { atom } from 'nanostores';
import type { TypingNotice } from '../../shared/protocol';

const EXPIRES_AFTER = 6_000;

export const $agentTyping = atom<string | null>(null);

let expiry: ReturnType<typeof setTimeout> | undefined;

export function showTyping(notice: TypingNotice): void {
  clearTimeout(expiry);
  $agentTyping.set(notice.typing ? notice.name : null);
  if (notice.typing) expiry = setTimeout(clearTyping, EXPIRES_AFTER);
}

export function clearTyping(): void {
  clearTimeout(expiry);
  $agentTyping.set(null);
}
