// Canned replies found by typing "/" in the reply box: a list under it, arrows to move, Enter or Tab to insert,
// Escape to dismiss. The chosen reply replaces the "/query" with {name} and {agent} filled in.
import { useStore } from '@nanostores/preact';
import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { CannedReply } from '../../../shared/routing-model';
import { $canned, cannedQueryAt, fillCanned, searchCanned } from '../state/canned';
import type { OpenConversation } from '../state/conversation';
import { $me } from '../state/me';
import { texts } from '../i18n/i18n';

const composerText = texts('composer');

const LIST_ID = 'canned-list';

export interface CannedPickerState {
  results: CannedReply[];
  active: number;
  textareaProps: Record<string, string | undefined>;
  update(value: string, caret: number): void;
  handleKey(event: KeyboardEvent): boolean;
  choose(reply: CannedReply): void;
  close(): void;
}

export function useCannedPicker(
  conversation: OpenConversation,
  box: RefObject<HTMLTextAreaElement | null>,
  setText: (value: string) => void,
): CannedPickerState {
  const canned = useStore($canned);
  const me = useStore($me);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const results = query ? searchCanned(canned, query.query, 8, conversation.context.locale) : [];
  const open = results.length > 0;

  const close = () => setQuery(null);
  const choose = (reply: CannedReply) => {
    const el = box.current;
    if (!el || !query) return;
    const caret = el.selectionStart;
    const filled = fillCanned(reply.text, { userName: conversation.user.name, agentName: me?.name ?? '' });
    const value = el.value.slice(0, query.start) + filled + el.value.slice(caret);
    setText(value);
    close();
    const end = query.start + filled.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(end, end);
    });
  };

  return {
    results,
    active,
    textareaProps: {
      'aria-autocomplete': 'list',
      'aria-controls': open ? LIST_ID : undefined,
      'aria-activedescendant': open ? `canned-${results[active]?.id}` : undefined,
    },
    update(value, caret) {
      setQuery(cannedQueryAt(value, caret));
      setActive(0);
    },
    handleKey(event) {
      if (!open) return false;
      const move = (step: number) => setActive((active + step + results.length) % results.length);
      switch (event.key) {
        case 'ArrowDown':
          move(1);
          break;
        case 'ArrowUp':
          move(-1);
          break;
        case 'Enter':
        case 'Tab':
          choose(results[active] as CannedReply);
          break;
        case 'Escape':
          close();
          // Escape closes the list only, not whatever dialog or view is around the reply box.
          event.stopPropagation();
          break;
        default:
          return false;
      }
      event.preventDefault();
      return true;
    },
    choose,
    close,
  };
}

export function CannedPicker({ state }: { state: CannedPickerState }) {
  const t = useStore(composerText);
  if (state.results.length === 0) return null;
  return (
    <div id={LIST_ID} class="canned" role="listbox" aria-label={t.canned}>
      {state.results.map((reply, i) => (
        <div
          key={reply.id}
          id={`canned-${reply.id}`}
          role="option"
          // Focus stays in the reply box (aria-activedescendant); -1 only makes the option focusable by script.
          tabIndex={-1}
          lang={reply.locale}
          aria-selected={i === state.active}
          // mousedown, not click: the reply box must not lose focus (and close the list) first.
          onMouseDown={(event) => {
            event.preventDefault();
            state.choose(reply);
          }}
        >
          <span class="canned-shortcut">/{reply.shortcut}</span> <span class="canned-title">{reply.title}</span>
          <span class="canned-text">{reply.text}</span>
        </div>
      ))}
    </div>
  );
}
