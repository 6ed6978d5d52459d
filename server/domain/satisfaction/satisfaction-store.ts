// The Store port of satisfaction ratings.
import type { RatedKind } from '../../../shared/satisfaction';

export interface SatisfactionRecord {
  id: string;
  organisationId: string;
  kind: RatedKind;
  subjectId: string;
  endUserId: string;
  agentId: string | null;
  score: number;
  comment: string | null;
  createdAt: number;
}

export interface SatisfactionCount {
  /** organisation id or agent id */
  key: string;
  score: number;
  count: number;
}

export interface SatisfactionStore {
  /** False when that chat or ticket was rated already (nothing written). */
  addSatisfactionRating(rating: SatisfactionRecord): Promise<boolean>;
  findSatisfactionRating(kind: RatedKind, subjectId: string): Promise<SatisfactionRecord | null>;
  /** Ratings in [from, to) counted per score, per organisation and per agent; optionally one organisation. */
  countSatisfaction(
    from: number,
    to: number,
    organisationId: string | null,
  ): Promise<{ organisations: SatisfactionCount[]; agents: SatisfactionCount[] }>;
  /** The latest ratings with a comment in [from, to), newest first. */
  listSatisfactionComments(from: number, to: number, organisationId: string | null, limit: number): Promise<SatisfactionRecord[]>;
}
