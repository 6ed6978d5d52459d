// Transfer (to a colleague or a tier's queue) and escalation of the open chat, each with a handover note the
// user never sees. A native modal dialog: focus stays inside, Escape cancels.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Transfer } from '../../../shared/protocol';
import type { AgentStatus } from '../../../shared/routing-model';
import type { OpenConversation } from '../state/conversation';
import { $colleagues, $handover, $handoverDialog, escalateChat, transferChat } from '../state/handover';
import { $me } from '../state/me';
import { presenceLabel } from './routing-format';
import { tierLabel } from './format';
import { texts } from '../i18n/i18n';

const handoverText = texts('handover');
const peopleText = texts('people');

const queues = () => {
  const t = handoverText.get();
  return [
    { value: 'tier:L1', label: t.queueL1 },
    { value: 'tier:L2', label: t.queueL2 },
    { value: 'tier:account_manager', label: t.queueAccountManager },
  ];
};

function destination(value: string): Transfer['to'] | null {
  if (value.startsWith('tier:')) return { tier: value.slice(5) as 'L1' | 'L2' | 'account_manager' };
  if (value.startsWith('agent:')) return { agentId: value.slice(6) };
  return null;
}

const canTake = (a: AgentStatus) => a.presence === 'available' && !a.reconnecting && a.activeChats < a.capacity;

function colleagueLabel(a: AgentStatus): string {
  // Lower case reads as part of the sentence in English; Chinese has no case.
  const state = a.reconnecting ? handoverText.get().reconnecting : presenceLabel(a.presence).toLocaleLowerCase();
  return handoverText.get().colleague({ name: a.name, tier: tierLabel(a.tier), state, active: a.activeChats, capacity: a.capacity });
}

/** Where an escalation goes from here, in the words the dialog uses. */
function nextStep(open: OpenConversation, tierOfAssignee: string | undefined): string {
  const t = handoverText.get();
  const level = tierOfAssignee ?? open.routing.target;
  if (level === 'L1') return t.nextL2;
  if (level === 'L2') return t.nextAccountManager;
  return t.nextSupervisors;
}

export function HandoverDialog({ conversation }: { conversation: OpenConversation }) {
  const kind = useStore($handoverDialog);
  const handover = useStore($handover);
  const colleagues = useStore($colleagues);
  const me = useStore($me);
  const t = useStore(handoverText);
  useStore(peopleText); // presence names in the colleague list
  const dialog = useRef<HTMLDialogElement>(null);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (kind && !el.open) {
      setTo('');
      setNote('');
      el.showModal();
    } else if (!kind && el.open) {
      el.close();
    }
  }, [kind]);

  const others = (colleagues ?? []).filter((a) => a.id !== conversation.assignee?.id);
  const assigneeTier =
    colleagues?.find((a) => a.id === conversation.assignee?.id)?.tier ?? (conversation.assignee?.id === me?.id ? me?.tier : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const done =
      kind === 'escalate'
        ? await escalateChat(conversation.id, note)
        : destination(to)
          ? await transferChat(conversation.id, destination(to) as Transfer['to'], note)
          : false;
    if (done) $handoverDialog.set(null);
  };

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="handover-title" onClose={() => $handoverDialog.set(null)}>
      {kind && (
        <form method="dialog" onSubmit={(event) => void submit(event)}>
          <h2 id="handover-title">
            {kind === 'transfer' ? t.transferTitle({ name: conversation.user.name }) : t.escalateTitle({ name: conversation.user.name })}
          </h2>
          {kind === 'transfer' ? (
            <>
              <label for="transfer-to">{t.transferTo}</label>
              <select id="transfer-to" required value={to} onChange={(event) => setTo(event.currentTarget.value)}>
                <option value="" disabled>
                  {t.choose}
                </option>
                <optgroup label={t.queues}>
                  {queues().map((q) => (
                    <option key={q.value} value={q.value}>
                      {q.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={colleagues ? t.colleagues : t.colleaguesLoading}>
                  {others.map((a) => (
                    <option key={a.id} value={`agent:${a.id}`} disabled={!canTake(a)}>
                      {colleagueLabel(a)}
                    </option>
                  ))}
                </optgroup>
              </select>
            </>
          ) : (
            <p>{t.goesTo({ next: nextStep(conversation, assigneeTier) })}</p>
          )}
          <label for="handover-note">{t.note}</label>
          <textarea
            id="handover-note"
            rows={4}
            maxLength={4000}
            placeholder={t.notePlaceholder}
            aria-describedby="handover-note-hint"
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <p id="handover-note-hint" class="muted small">
            {t.noteHint}
          </p>
          {handover.error && (
            <p role="alert" class="alert">
              {handover.error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="quiet" onClick={() => $handoverDialog.set(null)}>
              {t.cancel}
            </button>
            <button type="submit" class="primary" disabled={handover.busy || (kind === 'transfer' && !to)} aria-busy={handover.busy}>
              {kind === 'transfer' ? t.transfer : t.escalate}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
