// Runtime schemas for suggested edits to published help articles (the console's REST payloads).
import * as v from 'valibot';
import { ArticleInputSchema } from './article-schemas';
import { SUGGESTED_EDIT_NOTE_LIMIT, SUGGESTED_EDIT_STATUSES } from './suggested-edits';

const { title, summary, tags, body } = ArticleInputSchema.entries;

/** `POST /api/articles/:id/suggested-edits`: the proposed text, why, and the version it was written against. */
export const SuggestEditSchema = v.strictObject({
  title,
  summary,
  tags,
  body,
  note: v.pipe(v.string(), v.trim(), v.nonEmpty('say briefly why'), v.maxLength(SUGGESTED_EDIT_NOTE_LIMIT)),
  expectedUpdatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type SuggestEditInput = v.InferOutput<typeof SuggestEditSchema>;

/** `GET /api/articles/suggested-edits?status=`. */
export const SuggestedEditListQuerySchema = v.object({
  status: v.optional(v.picklist(SUGGESTED_EDIT_STATUSES)),
});
