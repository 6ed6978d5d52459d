// Several chats open at once, as tabs above the chat view; one of them has the focus (the open conversation).
import { atom } from 'nanostores';
import { $openConversation, leaveConversation, openConversation } from './conversation';
import { showSection } from './section';

export interface ChatTab {
  id: string;
  /** The user's name once the chat has loaded. */
  label: string;
}

/** More than this and the oldest tab closes: a day's work should not pile up dozens of tabs. */
export const MAX_TABS = 8;

export const $chatTabs = atom<ChatTab[]>([]);

/** Opens a chat in a tab (or focuses its tab) and shows it. */
export function openChat(conversationId: string, label = 'Loading…'): Promise<void> {
  // From a notice or the supervisor's view: chats are worked on in the inbox.
  showSection('inbox');
  const tabs = $chatTabs.get();
  if (!tabs.some((t) => t.id === conversationId)) {
    $chatTabs.set([...tabs, { id: conversationId, label }].slice(-MAX_TABS));
  }
  return openConversation(conversationId);
}

/** Closes a tab (not the chat); the neighbouring tab takes the focus. */
export function closeTab(conversationId: string): void {
  const tabs = $chatTabs.get();
  const at = tabs.findIndex((t) => t.id === conversationId);
  if (at === -1) return;
  const rest = tabs.filter((t) => t.id !== conversationId);
  $chatTabs.set(rest);
  if ($openConversation.get()?.id !== conversationId) return;
  const next = rest[Math.min(at, rest.length - 1)];
  if (next) void openConversation(next.id);
  else leaveConversation();
}

/** Focuses the tab after (or before) the focused one. */
export function cycleTabs(step: 1 | -1): void {
  const tabs = $chatTabs.get();
  if (tabs.length < 2) return;
  const at = tabs.findIndex((t) => t.id === $openConversation.get()?.id);
  const next = tabs[(at + step + tabs.length) % tabs.length];
  if (next) void openConversation(next.id);
}

export function resetTabs(): void {
  $chatTabs.set([]);
}

// A tab is named after the user as soon as its conversation has loaded.
$openConversation.subscribe((open) => {
  if (!open) return;
  const tabs = $chatTabs.get();
  if (!tabs.some((t) => t.id === open.id)) {
    // Opened some other way (e.g. straight from a notice): it still gets a tab.
    $chatTabs.set([...tabs, { id: open.id, label: open.user.name }].slice(-MAX_TABS));
  } else if (tabs.some((t) => t.id === open.id && t.label !== open.user.name)) {
    $chatTabs.set(tabs.map((t) => (t.id === open.id ? { ...t, label: open.user.name } : t)));
  }
});
