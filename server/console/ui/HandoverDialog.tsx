// Transfer (to a colleague or a tier's queue) and escalation of the open chat, each with a handover note the
// user never sees. A native modal dialog: focus stays inside, Escape cancels.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Transfer } from '../../../shared/protocol';
import type { AgentStatus } from '../../../shared/routing-model';
import type { OpenConversation } from '../state/conversation';
import { $colleagues, $handover, $handoverDialog, escalateChat, transferChat } from '../state/handover';
import { $me } from '../state/me';
import { PRESENCE_LABEL } from './routing-format';
import { TIER_LABEL } from './format';

const QUEUES = [
  { value: 'tier:L1', label: 'L1 queue (support engineers)' },
  { value: 'tier:L2', label: 'L2 queue (senior engineers)' },
  { value: 'tier:account_manager', label: 'The organisation’s account manager' },
];

function destination(value: string): Transfer['to'] | null {
  if (value.startsWith('tier:')) return { tier: value.slice(5) as 'L1' | 'L2' | 'account_manager' };
  if (value.startsWith('agent:')) return { agentId: value.slice(6) };
  return null;
}

const canTake = (a: AgentStatus) => a.presence === 'available' && !a.reconnecting && a.activeChats < a.capacity;

function colleagueLabel(a: AgentStatus): string {
  const state = a.reconnecting ? 'reconnecting' : PRESENCE_LABEL[a.presence].toLowerCase();
  return `${a.name} (${TIER_LABEL[a.tier]}) — ${state}, ${a.activeChats}/${a.capacity} chats`;
}

/** Where an escalation goes from here, in the words the dialog uses. */
function nextStep(open: OpenConversation, tierOfAssignee: string | undefined): string {
  const level = tierOfAssignee ?? open.routing.target;
  if (level === 'L1') return 'the L2 queue (senior engineers)';
  if (level === 'L2') return 'the organisation’s account manager, or the supervisors if it has none';
  return 'the supervisors';
}

export function HandoverDialog({ conversation }: { conversation: OpenConversation }) {
  const kind = useStore($handoverDialog);
  const handover = useStore($handover);
  const colleagues = useStore($colleagues);
  const me = useStore($me);
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
  const assigneeTier = colleagues?.find((a) => a.id === conversation.assignee?.id)?.tier ?? (conversation.assignee?.id === me?.id ? me?.tier : undefined);

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
          <h2 id="handover-title">{kind === 'transfer' ? `Transfer ${conversation.user.name}’s chat` : `Escalate ${conversation.user.name}’s chat`}</h2>
          {kind === 'transfer' ? (
            <>
              <label for="transfer-to">Transfer to</label>
              <select id="transfer-to" required value={to} onChange={(event) => setTo(event.currentTarget.value)}>
                <option value="" disabled>
                  Choose a colleague or a queue…
                </option>
                <optgroup label="Queues">
                  {QUEUES.map((q) => (
                    <option key={q.value} value={q.value}>
                      {q.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={colleagues ? 'Colleagues' : 'Colleagues (loading…)'}>
                  {others.map((a) => (
                    <option key={a.id} value={`agent:${a.id}`} disabled={!canTake(a)}>
                      {colleagueLabel(a)}
                    </option>
                  ))}
                </optgroup>
              </select>
            </>
          ) : (
            <p>This chat goes to {nextStep(conversation, assigneeTier)}, at the front of the queue.</p>
          )}
          <label for="handover-note">Handover note</label>
          <textarea
            id="handover-note"
            rows={4}
            maxLength={4000}
            placeholder="What you found and tried, so nobody asks the user twice"
            aria-describedby="handover-note-hint"
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <p id="handover-note-hint" class="muted small">
            Only agents see this note. The user is told in plain words who is helping them now.
          </p>
          {handover.error && (
            <p role="alert" class="alert">
              {handover.error}
            </p>
          )}
          <div class="dialog-actions">
            <button type="button" class="quiet" onClick={() => $handoverDialog.set(null)}>
              Cancel
            </button>
            <button type="submit" class="primary" disabled={handover.busy || (kind === 'transfer' && !to)} aria-busy={handover.busy}>
              {kind === 'transfer' ? 'Transfer' : 'Escalate'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
