// Users' ratings (CSAT) as the console shows them: one chat's or ticket's, kept live by satisfaction:rated, and
// the supervisor's figures per organisation and agent.
import { atom } from 'nanostores';
import type { RatedKind, SatisfactionFigures, SatisfactionView } from '../../../shared/satisfaction';
import { call } from '../api';
import type { AgentLink } from '../transport';

const key = (kind: RatedKind, id: string) => `${kind}:${id}`;
/** undefined: not asked yet; null: not rated. */
export const $ratings = atom<Record<string, SatisfactionView | null>>({});
export const ratingOf = (ratings: Record<string, SatisfactionView | null>, kind: RatedKind, id: string) => ratings[key(kind, id)];

export async function loadRating(kind: RatedKind, id: string): Promise<void> {
  const result = await call<SatisfactionView | null>('GET', `/api/satisfaction/${kind === 'chat' ? 'chats' : 'tickets'}/${id}`);
  if (result.ok) $ratings.set({ ...$ratings.get(), [key(kind, id)]: result.data });
}

export const $satisfactionFigures = atom<{ figures: SatisfactionFigures | null; error: string | null }>({ figures: null, error: null });

export async function loadSatisfactionFigures(): Promise<void> {
  const result = await call<SatisfactionFigures>('GET', '/api/satisfaction');
  $satisfactionFigures.set(
    result.ok ? { figures: result.data, error: null } : { figures: $satisfactionFigures.get().figures, error: result.error.message },
  );
}

export function listenForRatings(link: AgentLink): void {
  link.listen('satisfaction:rated', ({ kind, subjectId, rating }) => {
    $ratings.set({ ...$ratings.get(), [key(kind, subjectId)]: rating });
    if ($satisfactionFigures.get().figures) void loadSatisfactionFigures();
  });
}
