// The agents-only entries of a conversation's history: changes of hands (with handover notes) and internal notes.
import type { ChatMove, InternalNote } from '../../../shared/routing-model';
import { formatClock, formatFull, isoTime } from './format';
import { describeMove } from './routing-format';

const When = ({ at }: { at: number }) => (
  <time dateTime={isoTime(at)} title={formatFull(at)}>
    {formatClock(at)}
  </time>
);

export function MoveEntry({ move }: { move: ChatMove }) {
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
          <span class="entry-label">Handover note:</span> {move.note}
        </p>
      )}
    </li>
  );
}

export function NoteEntry({ note }: { note: InternalNote }) {
  return (
    <li class="entry entry--note" aria-label={`Internal note by ${note.author.name}`}>
      <p class="msg-meta">
        <span class="entry-label">Internal note</span> · <span class="msg-author">{note.author.name}</span> · <When at={note.createdAt} />
      </p>
      <p class="msg-text">{note.text}</p>
    </li>
  );
}
