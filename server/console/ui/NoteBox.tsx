// The internal-note box: for agents only, never sent to the user. Enter adds the note, Shift+Enter a line.
import { useStore } from '@nanostores/preact';
import { LIMITS } from '../../../shared/limits';
import type { OpenConversation } from '../state/conversation';
import { $noteDrafts, $noteSending, sendNote, setNoteDraft } from '../state/notes';
import { texts } from '../i18n/i18n';

const workspaceText = texts('workspace');

export function NoteBox({ conversation }: { conversation: OpenConversation }) {
  const t = useStore(workspaceText);
  const text = useStore($noteDrafts)[conversation.id] ?? '';
  const sending = useStore($noteSending);
  const busy = sending.conversationId === conversation.id;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void sendNote(conversation.id);
      }}
    >
      <label for="note" class="sr-only">
        {t.note}
      </label>
      <textarea
        id="note"
        rows={3}
        maxLength={LIMITS.messageText}
        placeholder={t.notePlaceholder}
        aria-describedby="note-hint"
        value={text}
        onInput={(event) => setNoteDraft(conversation.id, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void sendNote(conversation.id);
          }
        }}
      />
      {sending.error && (
        <p role="alert" class="alert">
          {t.noteNotAdded({ error: sending.error })}
        </p>
      )}
      <div class="composer-foot">
        <p id="note-hint" class="muted small">
          {t.noteHint}
        </p>
        <button type="submit" class="primary note-button" disabled={busy || !text.trim()} aria-busy={busy}>
          {t.addNote}
        </button>
      </div>
    </form>
  );
}
