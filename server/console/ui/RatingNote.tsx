// What the user answered to "How did we do?", on the chat or ticket it rates.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import type { RatedKind } from '../../../shared/satisfaction';
import { $ratings, loadRating, ratingOf } from '../state/satisfaction';
import { texts } from '../i18n/i18n';

const workspaceText = texts('workspace');

export const stars = (score: number) => '★'.repeat(score) + '☆'.repeat(5 - score);

export function RatingNote({ kind, id }: { kind: RatedKind; id: string }) {
  const rating = ratingOf(useStore($ratings), kind, id);
  const t = useStore(workspaceText);
  useEffect(() => {
    void loadRating(kind, id);
  }, [kind, id]);
  if (!rating) return null;
  return (
    <p class="rating-note" role="note" aria-label={t.rating({ score: rating.score })}>
      <span class="rating-stars" aria-hidden="true">
        {stars(rating.score)}
      </span>{' '}
      <strong>{rating.score} / 5</strong>
      {rating.comment ? <span class="rating-comment"> — “{rating.comment}”</span> : null}
    </p>
  );
}
