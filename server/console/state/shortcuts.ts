// Keyboard shortcuts of the console: which key does what, and doing it. Alt+letter shortcuts go by the
// physical key (event.code), so they work with any keyboard layout and with Option on a Mac.
import { atom } from 'nanostores';
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

/** The list the help dialog shows. Enter sends in the reply and note boxes; Shift+Enter adds a line. */
export const SHORTCUTS: Array<{ keys: string; action: ShortcutAction; does: string }> = [
  { keys: 'Alt+↓ / Alt+↑', action: 'next-chat', does: 'Next / previous chat in the list' },
  { keys: 'Alt+→ / Alt+←', action: 'next-tab', does: 'Next / previous open chat tab' },
  { keys: 'Ctrl+K or /', action: 'search', does: 'Search chats' },
  { keys: 'Alt+R', action: 'reply', does: 'Write a reply' },
  { keys: 'Enter', action: 'reply', does: 'Send the reply or note (Shift+Enter: new line)' },
  { keys: '/ in the reply box', action: 'reply', does: 'Find a canned reply' },
  { keys: 'Alt+N', action: 'note', does: 'Write an internal note' },
  { keys: 'Alt+T', action: 'transfer', does: 'Transfer the chat' },
  { keys: 'Alt+C', action: 'close-chat', does: 'Close the chat' },
  { keys: 'Alt+W', action: 'close-tab', does: 'Close the tab' },
  { keys: '?', action: 'help', does: 'Show these shortcuts' },
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
