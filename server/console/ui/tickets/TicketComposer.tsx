// The two boxes under a ticket: a public Reply the customer reads, and an internal note the customer never sees.
import { useStore } from '@nanostores/preact';
import { TICKET_LIMITS } from '../../../../shared/ticket-limits';
import { $ticketDrafts, draftOf, sendTicketDraft, setTicketDraft, type DraftKind } from '../../state/open-ticket';

const BOX: Record<DraftKind, { label: string; button: string; hint: string; placeholder: string }> = {
  reply: {
    label: 'Reply',
    button: 'Send',
    hint: 'The customer sees this reply in the widget. Ctrl+Enter sends.',
    placeholder: 'Write to the customer…',
  },
  note: {
    label: 'Internal note',
    button: 'Add note',
    hint: 'Only the support team sees notes. Ctrl+Enter adds it.',
    placeholder: 'What you found, for colleagues…',
  },
};

export function TicketComposer({ ticketId, closed }: { ticketId: string; closed: boolean }) {
  if (closed) return <p class="muted ticket-closed-note">This ticket is closed. A reply from the customer starts a new ticket that links back to it.</p>;
  return (
    <div class="ticket-composers">
      <DraftBox ticketId={ticketId} kind="reply" />
      <DraftBox ticketId={ticketId} kind="note" />
    </div>
  );
}

function DraftBox({ ticketId, kind }: { ticketId: string; kind: DraftKind }) {
  const draft = draftOf(useStore($ticketDrafts), ticketId, kind);
  const box = BOX[kind];
  const id = `ticket-${kind}`;
  const send = () => void sendTicketDraft(ticketId, kind);
  return (
    <form
      class={`composer ticket-composer ticket-composer--${kind}`}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for={id}>{box.label}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={TICKET_LIMITS.reply}
        placeholder={box.placeholder}
        aria-describedby={`${id}-hint`}
        value={draft.text}
        onInput={(event) => setTicketDraft(ticketId, kind, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div class="composer-foot">
        <p id={`${id}-hint`} class="muted small">
          {box.hint}
        </p>
        <button type="submit" class={kind === 'reply' ? 'primary' : ''} disabled={!draft.text.trim() || draft.sending} aria-busy={draft.sending}>
          {box.button}
        </button>
      </div>
      {draft.error && (
        <p class="alert" role="alert">
          Not sent: {draft.error} Your text is kept; try again.
        </p>
      )}
    </form>
  );
}
