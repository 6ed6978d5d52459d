// Keyboard shortcuts of the console: which key does what, and doing it. Alt+letter shortcuts go by the
// physical key (event.code), so they work with any keyboard layout and with Option on a Mac.
import { atom } from 'nanostores';
import type { WORKSPACE } from '../i18n/parts/workspace.en';
import { $openConversation, closeOpenConversation } from './conversation';
import { openHandoverDialog } from './handover';
import { $visibleChats, neighbourChat } from './inbox-view';
import { setComposerMode } from './notes';
import { closeTab, cycleTabs, openChat } from './open-chats';

export type ShortcutAction =
  | 'next-chat'
  | 'previous-chat'
  | 'next-tab'
  | 'previous-tab'
  | 'search'
  | 'reply'
  | 'note'
  | 'transfer'
  | 'close-chat'
  | 'close-tab'
  | 'help';

/**
 * The list the help dialog shows: keys (several: either works; `inReplyBox`: only there) and the dictionary key of
 * what they do. Enter sends in the reply and note boxes; Shift+Enter adds a line. The keys are the same in every language.
 */
export const SHORTCUTS: Array<{ keys: string[]; inReplyBox?: true; action: ShortcutAction; does: keyof typeof WORKSPACE }> = [
  { keys: ['Alt+↓ / Alt+↑'], action: 'next-chat', does: 'doesNextChat' },
  { keys: ['Alt+→ / Alt+←'], action: 'next-tab', does: 'doesNextTab' },
  { keys: ['Ctrl+K', '/'], action: 'search', does: 'doesSearch' },
  { keys: ['Alt+R'], action: 'reply', does: 'doesReply' },
  { keys: ['Enter'], action: 'reply', does: 'doesSend' },
  { keys: ['/'], inReplyBox: true, action: 'reply', does: 'doesCanned' },
  { keys: ['Alt+N'], action: 'note', does: 'doesNote' },
  { keys: ['Alt+T'], action: 'transfer', does: 'doesTransfer' },
  { keys: ['Alt+C'], action: 'close-chat', does: 'doesCloseChat' },
  { keys: ['Alt+W'], action: 'close-tab', does: 'doesCloseTab' },
  { keys: ['?'], action: 'help', does: 'doesHelp' },
];

export const $shortcutsHelp = atom(false);

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Typing in a text field: plain keys belong to the field. */
  inTextField: boolean;
}

const ALT_CODES: Record<string, ShortcutAction> = {
  ArrowDown: 'next-chat',
  ArrowUp: 'previous-chat',
  ArrowRight: 'next-tab',
  ArrowLeft: 'previous-tab',
  KeyR: 'reply',
  KeyN: 'note',
  KeyT: 'transfer',
  KeyC: 'close-chat',
  KeyW: 'close-tab',
};

export function shortcutFor(key: KeyLike): ShortcutAction | null {
  if (key.altKey && !key.ctrlKey && !key.metaKey) return ALT_CODES[key.code] ?? null;
  if ((key.ctrlKey || key.metaKey) && !key.altKey && key.code === 'KeyK') return 'search';
  if (key.inTextField || key.altKey || key.ctrlKey || key.metaKey) return null;
  if (key.key === '/') return 'search';
  if (key.key === '?') return 'help';
  return null;
}

/** Element ids the shortcuts move the focus to. */
export const FOCUS_TARGETS = { search: 'inbox-search', reply: 'reply', note: 'note' } as const;

/** Focuses an element the next render brings (a tab just switched): tries over a few frames. */
function focusSoon(id: string, framesLeft = 5): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el && !(el as HTMLTextAreaElement).disabled) el.focus();
    else if (framesLeft > 0) focusSoon(id, framesLeft - 1);
  });
}

export function runShortcut(action: ShortcutAction): void {
  const open = $openConversation.get();
  switch (action) {
    case 'next-chat':
    case 'previous-chat': {
      const next = neighbourChat($visibleChats.get(), open?.id ?? null, action === 'next-chat' ? 1 : -1);
      if (next) void openChat(next);
      return;
    }
    case 'next-tab':
    case 'previous-tab':
      return cycleTabs(action === 'next-tab' ? 1 : -1);
    case 'search':
      return focusSoon(FOCUS_TARGETS.search);
    case 'reply':
    case 'note':
      if (!open) return;
      setComposerMode(open.id, action);
      return focusSoon(FOCUS_TARGETS[action]);
    case 'transfer':
      if (open && open.status !== 'closed') openHandoverDialog('transfer');
      return;
    case 'close-chat':
      if (open && open.status !== 'closed') void closeOpenConversation();
      return;
    case 'close-tab':
      if (open) closeTab(open.id);
      return;
    case 'help':
      $shortcutsHelp.set(true);
      return;
  }
}
