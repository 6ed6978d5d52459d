// "Create ticket" in the chat header: subject, priority and category; the chat's history and context go along.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TICKET_CATEGORIES } from '../../../../shared/ticket-intake';
import { TICKET_LIMITS } from '../../../../shared/ticket-limits';
import { TICKET_PRIORITIES, type TicketDetail, type TicketPriority } from '../../../../shared/ticket-model';
import { $messages, type OpenConversation } from '../../state/conversation';
import { showTicket } from '../../state/open-ticket';
import { ticketsApi } from '../../tickets-api';
import { newClientId } from '../../uuid';
import { categoryName, priorityOption } from './ticket-format';
import { texts } from '../../i18n/i18n';

const createText = texts('createTicket');

interface Form {
  subject: string;
  priority: TicketPriority;
  category: string;
  busy: boolean;
  error: string | null;
  created: TicketDetail | null;
  /** One per opened form, so a double submit or a retry after a lost answer makes one ticket. */
  clientId: string;
}

const firstVisitorLine = (): string => {
  const text = $messages.get().find((m) => m.authorKind === 'visitor')?.text ?? '';
  return text.split('\n')[0]!.slice(0, 80);
};

export function CreateTicketButton({ conversation }: { conversation: OpenConversation }) {
  const [form, setForm] = useState<Form | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useStore($messages);

  useEffect(() => {
    if (form && !dialog.current?.open) dialog.current?.showModal();
  }, [form !== null]);

  const start = () => {
    setForm({
      subject: firstVisitorLine(),
      // The chat's own priority is the best first guess.
      priority: conversation.routing.priority,
      category: '',
      busy: false,
      error: null,
      created: null,
      clientId: newClientId(),
    });
  };
  const finish = () => {
    dialog.current?.close();
    setForm(null);
    // Back to where the agent was.
    setTimeout(() => trigger.current?.focus());
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!form || form.busy || !form.subject.trim()) return;
    setForm({ ...form, busy: true, error: null });
    const result = await ticketsApi.create({
      clientId: form.clientId,
      conversationId: conversation.id,
      subject: form.subject.trim(),
      priority: form.priority,
      ...(form.category ? { category: form.category } : {}),
    });
    setForm((now) => now && { ...now, busy: false, error: result.ok ? null : result.error.message, created: result.ok ? result.data : null });
  };

  const t = useStore(createText);
  // While the form is open the trigger is not needed, and two buttons starting with "Create" would confuse.
  if (!form) {
    return (
      <button ref={trigger} type="button" class="quiet" onClick={start}>
        {t.trigger}
      </button>
    );
  }
  return (
    <dialog ref={dialog} class="dialog ticket-dialog" aria-labelledby="create-ticket-title" onClose={() => setForm(null)}>
      {form.created ? (
        <div class="ticket-dialog-body" role="status">
          <h2 id="create-ticket-title">{t.created}</h2>
          <p>
            <strong class="ticket-number">{form.created.number}</strong> — {form.created.subject}
          </p>
          <p class="muted small">{t.copied}</p>
          <div class="dialog-actions">
            <button type="button" class="quiet" onClick={finish}>
              {t.done}
            </button>
            <button
              type="button"
              class="primary"
              onClick={() => {
                const ref = form.created!.id;
                finish();
                showTicket(ref);
              }}
            >
              {t.open}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <h2 id="create-ticket-title">{t.title}</h2>
          <label for="ticket-subject">{t.subject}</label>
          <input
            id="ticket-subject"
            required
            maxLength={TICKET_LIMITS.subject}
            value={form.subject}
            onInput={(e) => setForm({ ...form, subject: e.currentTarget.value })}
          />
          <label for="ticket-priority">{t.priority}</label>
          <select
            id="ticket-priority"
            value={form.priority}
            onChange={(e) => setForm({ ...form, priority: e.currentTarget.value as TicketPriority })}
          >
            {TICKET_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {priorityOption(p)}
              </option>
            ))}
          </select>
          <label for="ticket-category">{t.category}</label>
          <select id="ticket-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}>
            <option value="">{t.none}</option>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
          <p class="muted small">{t.copiesHint}</p>
          {form.error && (
            <p class="alert" role="alert">
              {form.error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="quiet" onClick={finish}>
              {t.cancel}
            </button>
            <button type="submit" class="primary" disabled={form.busy || !form.subject.trim()} aria-busy={form.busy}>
              {t.create}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
