// The agents-only entries of a conversation's history: changes of hands (with handover notes) and internal notes.
import type { ChatMove, InternalNote } from '../../../shared/routing-model';
import { formatClock, formatFull, isoTime } from './format';
import { describeMove } from './routing-format';
import { useStore } from '@nanostores/preact';
import { texts } from '../i18n/i18n';

const workspaceText = texts('workspace');

const When = ({ at }: { at: number }) => (
  <time dateTime={isoTime(at)} title={formatFull(at)}>
    {formatClock(at)}
  </time>
);

export function MoveEntry({ move }: { move: ChatMove }) {
  const t = useStore(workspaceText);
  return (
    <li class="entry entry--move">
      <p>
        <span class="entry-icon" aria-hidden="true">
          ⇄
        </span>{' '}
        {describeMove(move)} · <When at={move.createdAt} />
      </p>
      {move.note && (
        <p class="entry-note">
          <span class="entry-label">{t.handoverNote}</span> {move.note}
        </p>
      )}
    </li>
  );
}

export function NoteEntry({ note }: { note: InternalNote }) {
  const t = useStore(workspaceText);
  return (
    <li class="entry entry--note" aria-label={t.noteBy({ name: note.author.name })}>
      <p class="msg-meta">
        <span class="entry-label">{t.note}</span> · <span class="msg-author">{note.author.name}</span> · <When at={note.createdAt} />
      </p>
      <p class="msg-text">{note.text}</p>
    </li>
  );
}
