// The reply box and, on its second tab, the internal-note box. Enter sends, Shift+Enter adds a line; "/"
// searches canned replies. Read-only with a reason when I may not reply; notes are open to anyone who can read.
import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import { LIMITS } from '../../../shared/limits';
import { $connection } from '../state/connection';
import type { OpenConversation } from '../state/conversation';
import { $drafts, setDraft } from '../state/drafts';
import { $composerMode, setComposerMode } from '../state/notes';
import { sendDraft } from '../state/outbox';
import { noteTyping, stopTyping } from '../state/typing';
import { CannedPicker, useCannedPicker } from './CannedPicker';
import { COMPOSER_TOOLS } from './chat-slots';
import { NoteBox } from './NoteBox';
import { texts } from '../i18n/i18n';

const composerText = texts('composer');
const workspaceText = texts('workspace');

function readOnlyReason(conversation: OpenConversation, t: ReturnType<typeof composerText.get>): string {
  if (conversation.status === 'closed') return t.closed;
  if (conversation.status === 'queued') return t.queued;
  return t.assignedElsewhere({ name: conversation.assignee?.name ?? t.anotherAgent });
}

export function Composer({ conversation, canReply }: { conversation: OpenConversation; canReply: boolean }) {
  const mode = useStore($composerMode)[conversation.id] ?? 'reply';
  const t = useStore(composerText);
  const tab = (id: 'reply' | 'note', label: string) => (
    <button
      type="button"
      role="tab"
      id={`composer-tab-${id}`}
      aria-selected={mode === id}
      aria-controls={`composer-${id}`}
      onClick={() => setComposerMode(conversation.id, id)}
    >
      {label}
    </button>
  );
  return (
    <div class={`composer composer--${mode}`}>
      <div class="composer-modes" role="tablist" aria-label={t.write}>
        {tab('reply', t.reply)}
        {tab('note', t.note)}
      </div>
      <div role="tabpanel" id={`composer-${mode}`} aria-labelledby={`composer-tab-${mode}`}>
        {mode === 'reply' ? <ReplyBox conversation={conversation} canReply={canReply} /> : <NoteBox conversation={conversation} />}
      </div>
    </div>
  );
}

function ReplyBox({ conversation, canReply }: { conversation: OpenConversation; canReply: boolean }) {
  const text = useStore($drafts)[conversation.id] ?? '';
  const connection = useStore($connection);
  const t = useStore(composerText);
  const w = useStore(workspaceText);
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useCannedPicker(conversation, box, (value) => setDraft(conversation.id, value));
  const hint = !canReply ? readOnlyReason(conversation, t) : connection === 'online' ? t.hint : t.offlineHint;

  /** Puts text at the caret (for composer tools, e.g. a link to an article). */
  const insert = (addition: string) => {
    const el = box.current;
    const at = el?.selectionStart ?? text.length;
    const next = text.slice(0, at) + addition + text.slice(at);
    setDraft(conversation.id, next);
    if (!el) return;
    // Shown at once, not on the next render, with the caret after what was inserted.
    el.value = next;
    el.focus();
    el.setSelectionRange(at + addition.length, at + addition.length);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        sendDraft(conversation.id);
      }}
    >
      <label for="reply" class="sr-only">
        {w.reply}
      </label>
      <div class="composer-box">
        <textarea
          id="reply"
          ref={box}
          rows={3}
          maxLength={LIMITS.messageText}
          placeholder={canReply ? t.placeholder : ''}
          disabled={!canReply}
          aria-describedby="reply-hint"
          {...picker.textareaProps}
          value={text}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setDraft(conversation.id, value);
            picker.update(value, event.currentTarget.selectionStart);
            if (value.trim()) noteTyping(conversation.id);
            else stopTyping();
          }}
          onKeyDown={(event) => {
            if (picker.handleKey(event)) return;
            // isComposing: Enter that confirms an IME candidate must not send half a word.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              sendDraft(conversation.id);
            }
          }}
          onBlur={picker.close}
        />
        <CannedPicker state={picker} />
      </div>
      <div class="composer-foot">
        <p id="reply-hint" class="muted small">
          {hint}
        </p>
        <div class="composer-tools">
          {COMPOSER_TOOLS.map((Tool, i) => (
            <Tool key={i} conversation={conversation} insert={insert} />
          ))}
          <button type="submit" class="primary" disabled={!canReply || !text.trim()}>
            {w.send}
          </button>
        </div>
      </div>
    </form>
  );
}
