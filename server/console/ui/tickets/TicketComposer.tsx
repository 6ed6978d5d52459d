// The two boxes under a ticket: a public Reply the customer reads, and an internal note the customer never sees.
import { useStore } from '@nanostores/preact';
import { TICKET_LIMITS } from '../../../../shared/ticket-limits';
import { texts } from '../../i18n/i18n';
import { $ticketDrafts, draftOf, sendTicketDraft, setTicketDraft, type DraftKind } from '../../state/open-ticket';

const ticketText = texts('tickets');

export function TicketComposer({ ticketId, closed }: { ticketId: string; closed: boolean }) {
  const t = useStore(ticketText);
  if (closed) return <p class="muted ticket-closed-note">{t.closedNote}</p>;
  return (
    <div class="ticket-composers">
      <DraftBox ticketId={ticketId} kind="reply" />
      <DraftBox ticketId={ticketId} kind="note" />
    </div>
  );
}

function DraftBox({ ticketId, kind }: { ticketId: string; kind: DraftKind }) {
  const draft = draftOf(useStore($ticketDrafts), ticketId, kind);
  const t = useStore(ticketText);
  const box =
    kind === 'reply'
      ? { label: t.reply, button: t.send, hint: t.replyHint, placeholder: t.replyPlaceholder }
      : { label: t.note, button: t.addNote, hint: t.noteHint, placeholder: t.notePlaceholder };
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
          {t.notSent({ error: draft.error })}
        </p>
      )}
    </form>
  );
}
